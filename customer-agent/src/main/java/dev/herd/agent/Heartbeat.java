package dev.herd.agent;

import java.time.Instant;

/** One heartbeat: when it was taken, whether the gateway was reachable (the reason when not), and an optional note. */
public record Heartbeat(Instant at, String problem, String note) {

    public Heartbeat(Instant at, String problem) {
        this(at, problem, null);
    }

    public boolean gatewayReachable() {
        return problem == null;
    }

    /** One line: {@code <ISO instant> ok}, {@code <ISO instant> ok <note>} or {@code <ISO instant> degraded <reason>}. */
    public String line() {
        if (!gatewayReachable()) {
            return at + " degraded " + problem;
        }
        return at + " ok" + (note == null ? "" : " " + note);
    }
}
