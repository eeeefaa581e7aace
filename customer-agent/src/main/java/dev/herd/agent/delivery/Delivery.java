package dev.herd.agent.delivery;

import dev.herd.agent.delivery.ReportSender.Delivered;
import dev.herd.agent.delivery.ReportSender.Outcome;
import dev.herd.agent.delivery.ReportSender.Rejected;
import dev.herd.agent.delivery.ReportSender.Resync;
import dev.herd.agent.delivery.ReportSender.Retry;
import java.io.PrintStream;

/**
 * Sends the queue in sequence order: a report leaves the queue only once the gateway stored it (or had it already);
 * the first one that cannot be delivered stops the round, so nothing overtakes it.
 */
public class Delivery {

    /** How a round went: reports delivered, and the reason it stopped early ({@code null} when the queue is empty). */
    public record Result(int delivered, String problem) {}

    private final ReportQueue queue;
    private final ReportSender sender;
    private final ReportBuilder builder;
    private final PrintStream log;

    public Delivery(ReportQueue queue, ReportSender sender, ReportBuilder builder, PrintStream log) {
        this.queue = queue;
        this.sender = sender;
        this.builder = builder;
        this.log = log;
    }

    public Result drain() {
        int delivered = 0;
        boolean resynced = false;
        while (true) {
            var pending = queue.sequences();
            if (pending.isEmpty()) {
                return new Result(delivered, null);
            }
            long sequence = pending.getFirst();
            Outcome outcome = sender.send(sequence, queue.read(sequence));
            switch (outcome) {
                case Delivered d -> {
                    queue.remove(sequence);
                    delivered++;
                }
                case Retry r -> {
                    return new Result(delivered, pending.size() + " report(s) queued: " + r.reason());
                }
                case Rejected r -> {
                    queue.setAside(sequence);
                    log.println("report " + sequence + " refused for good, moved to "
                            + queue.dir().resolve("rejected") + ": " + r.reason());
                    return new Result(delivered, "report " + sequence + " refused: " + r.reason());
                }
                case Resync r -> {
                    if (resynced) {
                        return new Result(delivered, "gateway still out of step: " + r.reason());
                    }
                    resynced = true;
                    resync(sequence, r);
                }
            }
        }
    }

    private void resync(long sent, Resync r) {
        log.println("gateway refused report " + sent + " (" + r.reason() + "): agent and gateway state diverged");
        if (!r.fullRequired() && queue.contains(r.expected())) {
            queue.sequences().stream().filter(s -> s < r.expected()).forEach(queue::remove);
            log.println("resending from queued report " + r.expected());
        } else {
            long full = builder.restartWithFull(r.expected());
            log.println("report " + r.expected() + " is no longer queued: sending a FULL report as " + full);
        }
    }
}
