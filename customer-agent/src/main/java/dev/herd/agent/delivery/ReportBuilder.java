package dev.herd.agent.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herd.agent.report.MachineReport;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds the agent's report submissions ({@code sequence}, {@code kind}, {@code report}, {@code delta}) and puts
 * each in the queue before anything is sent. Deltas are computed against the last report this builder made: a DELTA
 * goes out when packages changed or any evidence did (hardware, listening ports, watched files, anti-virus
 * detections, privileged log-ins, network configuration files), carrying the whole report but its packages.
 */
public class ReportBuilder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<MachineReport> collector;
    private final SequenceCounter counter;
    private final ReportQueue queue;
    private MachineReport baseline;

    /** A DELTA that was queued: its sequence and what changed ({@code packages} and the evidence parts' names). */
    public record QueuedDelta(long sequence, List<String> changed) {}

    public ReportBuilder(Supplier<MachineReport> collector, SequenceCounter counter, ReportQueue queue) {
        this.collector = collector;
        this.counter = counter;
        this.queue = queue;
    }

    /** Collects and queues a FULL report; returns its sequence. */
    public long queueFull() {
        MachineReport report = collector.get();
        long sequence = counter.next();
        ObjectNode submission = submission(sequence, "FULL");
        submission.set("report", JSON.valueToTree(report));
        queue.put(sequence, bytes(submission));
        baseline = report;
        return sequence;
    }

    /**
     * Collects and queues a DELTA when packages or evidence changed since the last report; empty when nothing did.
     * With no report made yet, a FULL is queued instead and reported as a change of everything.
     */
    public Optional<QueuedDelta> queueDeltaIfChanged() {
        if (baseline == null) {
            return Optional.of(new QueuedDelta(queueFull(), List.of("everything")));
        }
        MachineReport report = collector.get();
        PackageDelta delta = PackageDelta.between(baseline.packages(), report.packages());
        List<String> changed = new ArrayList<>();
        if (!delta.isEmpty()) {
            changed.add("packages");
        }
        changed.addAll(EvidenceChanges.between(baseline, report));
        if (changed.isEmpty()) {
            return Optional.empty();
        }
        long sequence = counter.next();
        ObjectNode submission = submission(sequence, "DELTA");
        ObjectNode body = JSON.valueToTree(report);
        body.remove("packages");
        submission.set("report", body);
        submission.set("delta", JSON.valueToTree(delta));
        queue.put(sequence, bytes(submission));
        baseline = report;
        return Optional.of(new QueuedDelta(sequence, List.copyOf(changed)));
    }

    /** The gateway lost track: drop what is queued and start again at {@code expected} with a fresh FULL report. */
    public long restartWithFull(long expected) {
        queue.clear();
        counter.restartAfter(expected - 1);
        return queueFull();
    }

    private static ObjectNode submission(long sequence, String kind) {
        ObjectNode node = JSON.createObjectNode();
        node.put("sequence", sequence);
        node.put("kind", kind);
        return node;
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
