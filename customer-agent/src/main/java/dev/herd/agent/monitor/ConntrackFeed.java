package dev.herd.agent.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The flows connection tracking sees, from a running {@code conntrack -E -e NEW -o timestamp}: each event line is
 * parsed into a {@link Flow} and queued; lines that are no flow are counted and skipped.
 */
final class ConntrackFeed implements AutoCloseable {

    private final FlowQueue queue;
    private final LineProcess process;
    private long unreadable;

    /** @param conntrack how to start conntrack, e.g. {@code [conntrack]} or {@code [nsenter, -t, PID, -n, conntrack]} */
    ConntrackFeed(List<String> conntrack, FlowQueue queue) {
        List<String> full = new ArrayList<>(conntrack);
        full.addAll(List.of("-E", "-e", "NEW", "-o", "timestamp"));
        this.queue = queue;
        this.process = new LineProcess(full, "herd-conntrack", this::add);
    }

    /** Starts conntrack unless it runs; the reason it had stopped (empty on the first start or when it runs). */
    Optional<String> ensureRunning() {
        return process.ensureRunning();
    }

    /** Takes one event line as conntrack wrote it. */
    void add(String line) {
        Optional<Flow> flow = ConntrackLine.parse(line);
        if (flow.isEmpty()) {
            synchronized (this) {
                unreadable++;
            }
            return;
        }
        queue.add(flow.get());
    }

    synchronized long unreadable() {
        return unreadable;
    }

    @Override
    public void close() {
        process.close();
    }
}
