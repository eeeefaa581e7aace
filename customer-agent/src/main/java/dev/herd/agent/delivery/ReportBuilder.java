package dev.herd.agent.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herd.agent.inventory.InstalledPackage;
import dev.herd.agent.report.MachineReport;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Builds the agent's report submissions ({@code sequence}, {@code kind}, {@code report}, {@code delta}) and puts
 * each in the queue before anything is sent. Deltas are computed against the last report this builder made.
 */
public class ReportBuilder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<MachineReport> collector;
    private final SequenceCounter counter;
    private final ReportQueue queue;
    private List<InstalledPackage> baseline;

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
        baseline = report.packages();
        return sequence;
    }

    /** Collects and queues a DELTA when packages changed since the last report (a FULL when there was none). */
    public OptionalLong queueDeltaIfChanged() {
        if (baseline == null) {
            return OptionalLong.of(queueFull());
        }
        MachineReport report = collector.get();
        PackageDelta delta = PackageDelta.between(baseline, report.packages());
        if (delta.isEmpty()) {
            return OptionalLong.empty();
        }
        long sequence = counter.next();
        ObjectNode submission = submission(sequence, "DELTA");
        ObjectNode body = JSON.valueToTree(report);
        body.remove("packages");
        submission.set("report", body);
        submission.set("delta", JSON.valueToTree(delta));
        queue.put(sequence, bytes(submission));
        baseline = report.packages();
        return OptionalLong.of(sequence);
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
