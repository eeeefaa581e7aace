package dev.herd.agent.delivery;

/** Sends one queued report to the gateway and says what became of it. */
public interface ReportSender {

    Outcome send(long sequence, byte[] submission);

    /** What became of one report. */
    sealed interface Outcome {}

    /** Stored by the gateway, now or before ({@code accepted} or {@code duplicate}): it leaves the queue. */
    record Delivered(String status) implements Outcome {}

    /** Not delivered for now (unreachable, 5xx, credential trouble): it stays queued and is retried later. */
    record Retry(String reason) implements Outcome {}

    /** The gateway expects another sequence ({@code sequence-gap}) or a FULL report first. */
    record Resync(long expected, boolean fullRequired, String reason) implements Outcome {}

    /** Refused for good (malformed, too large): set aside so it no longer blocks the queue. */
    record Rejected(String reason) implements Outcome {}
}
