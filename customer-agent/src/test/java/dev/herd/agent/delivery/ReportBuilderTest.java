package dev.herd.agent.delivery;

import static dev.herd.agent.delivery.Machines.pkg;
import static dev.herd.agent.delivery.Machines.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.agent.audit.PrivilegedLogin;
import dev.herd.agent.files.WatchedFile;
import dev.herd.agent.hardware.BlockDevice;
import dev.herd.agent.hardware.Hardware;
import dev.herd.agent.network.ListeningSocket;
import dev.herd.agent.report.MachineReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
        assertEquals(Optional.of(new ReportBuilder.QueuedDelta(2, List.of("packages"))), builder.queueDeltaIfChanged());

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

    @Test
    void aUsbStickAloneIsADeltaWithTheNewHardwareAndNoPackageChange() throws Exception {
        ReportQueue queue = new ReportQueue(stateDir);
        ReportBuilder builder = new ReportBuilder(machine::get, new SequenceCounter(stateDir), queue);
        builder.queueFull();
        MachineReport before = machine.get();
        machine.set(with(
                before,
                new Hardware(List.of(new BlockDevice("sdb", 30031872L * 512, true, true, true)), List.of(), true),
                before.listening()));

        assertEquals(Optional.of(new ReportBuilder.QueuedDelta(2, List.of("hardware"))), builder.queueDeltaIfChanged());

        JsonNode delta = JSON.readTree(queue.read(2));
        assertEquals("DELTA", delta.path("kind").asText());
        assertTrue(delta.path("report").path("hardware").path("usbMassStorage").asBoolean());
        assertEquals(0, delta.path("delta").path("added").size());
        assertEquals(0, delta.path("delta").path("changed").size());
        assertEquals(0, delta.path("delta").path("removed").size());
        assertTrue(builder.queueDeltaIfChanged().isEmpty(), "the same hardware again is no change");
    }

    @Test
    void aNewListeningPortIsADeltaButTheSameServiceRestartedIsNot() {
        ReportQueue queue = new ReportQueue(stateDir);
        ReportBuilder builder = new ReportBuilder(machine::get, new SequenceCounter(stateDir), queue);
        MachineReport base = machine.get();
        machine.set(with(base, null, List.of(new ListeningSocket("tcp", "0.0.0.0", 443, 1001, 50, "nginx"))));
        builder.queueFull();

        machine.set(with(base, null, List.of(new ListeningSocket("tcp", "0.0.0.0", 443, 2002, 77, "nginx"))));
        assertTrue(builder.queueDeltaIfChanged().isEmpty(), "a new inode and pid on the same port change nothing");

        machine.set(with(
                base,
                null,
                List.of(
                        new ListeningSocket("tcp", "0.0.0.0", 443, 2002, 77, "nginx"),
                        new ListeningSocket("tcp", "0.0.0.0", 4444, 3003, 90, "nc"))));
        assertEquals(
                List.of("listening"),
                builder.queueDeltaIfChanged().orElseThrow().changed());
        assertEquals(List.of(1L, 2L), queue.sequences());
    }

    @Test
    void aPackageAndEvidenceChangingTogetherAreOneDeltaNamingBoth() {
        ReportQueue queue = new ReportQueue(stateDir);
        ReportBuilder builder = new ReportBuilder(machine::get, new SequenceCounter(stateDir), queue);
        builder.queueFull();
        MachineReport changed = report(pkg("openssl", "3.0.16"), pkg("libssl3", "3.0.15"));
        machine.set(new MachineReport(
                "2026-11-21T07:05:00Z",
                changed.os(),
                changed.interfaces(),
                changed.packages(),
                changed.listening(),
                changed.hardware(),
                List.of(new WatchedFile("/etc/passwd", "ok", "ab".repeat(32))),
                List.of(new PrivilegedLogin(
                        "sudo", "alice", "root", null, "Dec  7 02:00:01 web-01 sudo: alice : COMMAND=/bin/sh")),
                changed.networkConfigChanges(),
                changed.antivirus()));

        assertEquals(
                List.of("packages", "watchedFiles", "privilegedLogins"),
                builder.queueDeltaIfChanged().orElseThrow().changed());
    }

    @Test
    void onlyTheTimeOfCollectionChangingIsNoDelta() {
        ReportQueue queue = new ReportQueue(stateDir);
        ReportBuilder builder = new ReportBuilder(machine::get, new SequenceCounter(stateDir), queue);
        builder.queueFull();
        MachineReport base = machine.get();
        machine.set(new MachineReport(
                "2026-11-21T08:00:00Z",
                base.os(),
                base.interfaces(),
                base.packages(),
                base.listening(),
                base.hardware(),
                base.watchedFiles(),
                base.privilegedLogins(),
                base.networkConfigChanges(),
                base.antivirus()));

        assertTrue(builder.queueDeltaIfChanged().isEmpty());
    }

    private static MachineReport with(MachineReport base, Hardware hardware, List<ListeningSocket> listening) {
        return new MachineReport(
                base.collectedAt(),
                base.os(),
                base.interfaces(),
                base.packages(),
                listening,
                hardware,
                base.watchedFiles(),
                base.privilegedLogins(),
                base.networkConfigChanges(),
                base.antivirus());
    }
}
