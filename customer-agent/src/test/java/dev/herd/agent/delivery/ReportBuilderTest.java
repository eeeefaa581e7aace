package dev.herd.agent.delivery;

import static dev.herd.agent.delivery.Machines.pkg;
import static dev.herd.agent.delivery.Machines.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.agent.report.MachineReport;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportBuilderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path stateDir;

    private final AtomicReference<MachineReport> machine =
            new AtomicReference<>(report(pkg("openssl", "3.0.15"), pkg("libssl3", "3.0.15")));

    @Test
    void aFullReportThenADeltaShapedAsTheGatewayReadsThem() throws Exception {
        ReportQueue queue = new ReportQueue(stateDir);
        ReportBuilder builder = new ReportBuilder(machine::get, new SequenceCounter(stateDir), queue);

        assertEquals(1, builder.queueFull());
        machine.set(report(pkg("openssl", "3.0.16"), pkg("nginx", "1.22")));
        assertEquals(OptionalLong.of(2), builder.queueDeltaIfChanged());

        JsonNode full = JSON.readTree(queue.read(1));
        assertEquals("FULL", full.path("kind").asText());
        assertEquals(1, full.path("sequence").asLong());
        assertEquals(2, full.path("report").path("packages").size());
        assertEquals("debian", full.path("report").path("os").path("id").asText());
        JsonNode delta = JSON.readTree(queue.read(2));
        assertEquals("DELTA", delta.path("kind").asText());
        assertFalse(delta.path("report").has("packages"));
        assertEquals(
                "amd64", delta.path("report").path("os").path("architecture").asText());
        assertEquals(
                "nginx", delta.path("delta").path("added").get(0).path("name").asText());
        assertEquals(
                "3.0.16",
                delta.path("delta").path("changed").get(0).path("version").asText());
        assertEquals(
                "libssl3",
                delta.path("delta").path("removed").get(0).path("name").asText());
    }

    @Test
    void noDeltaWhenNothingChanged() {
        ReportQueue queue = new ReportQueue(stateDir);
        ReportBuilder builder = new ReportBuilder(machine::get, new SequenceCounter(stateDir), queue);
        builder.queueFull();

        assertTrue(builder.queueDeltaIfChanged().isEmpty());
        assertEquals(List.of(1L), queue.sequences());
    }

    @Test
    void aRestartedAgentContinuesTheSequenceAndKeepsWhatWasQueued() {
        new ReportBuilder(machine::get, new SequenceCounter(stateDir), new ReportQueue(stateDir)).queueFull();

        ReportQueue queue = new ReportQueue(stateDir);
        ReportBuilder restarted = new ReportBuilder(machine::get, new SequenceCounter(stateDir), queue);

        assertEquals(2, restarted.queueFull());
        assertEquals(List.of(1L, 2L), queue.sequences());
    }

    @Test
    void aDeltaIsComputedAgainstTheLastReportBuiltNotTheFirst() throws Exception {
        ReportQueue queue = new ReportQueue(stateDir);
        ReportBuilder builder = new ReportBuilder(machine::get, new SequenceCounter(stateDir), queue);
        builder.queueFull();
        machine.set(report(pkg("openssl", "3.0.16"), pkg("libssl3", "3.0.15")));
        builder.queueDeltaIfChanged();
        machine.set(report(pkg("openssl", "3.0.16"), pkg("libssl3", "3.0.16")));

        builder.queueDeltaIfChanged();

        JsonNode third = JSON.readTree(queue.read(3)).path("delta");
        assertEquals(1, third.path("changed").size());
        assertEquals("libssl3", third.path("changed").get(0).path("name").asText());
    }
}
