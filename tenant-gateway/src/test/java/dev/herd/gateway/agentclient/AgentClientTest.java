package dev.herd.gateway.agentclient;

import static dev.herd.gateway.GatewayFixtures.acmeGateway;
import static dev.herd.gateway.GatewayFixtures.issueToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herd.agent.delivery.Delivery;
import dev.herd.agent.delivery.HttpReportSender;
import dev.herd.agent.delivery.ReportBuilder;
import dev.herd.agent.delivery.ReportQueue;
import dev.herd.agent.delivery.SequenceCounter;
import dev.herd.agent.enrolment.AgentCredential;
import dev.herd.agent.enrolment.CredentialStore;
import dev.herd.agent.enrolment.Enroller;
import dev.herd.agent.enrolment.EnrolmentException;
import dev.herd.agent.files.FileHasher;
import dev.herd.agent.gateway.GatewayClient;
import dev.herd.agent.inventory.InstalledPackage;
import dev.herd.agent.report.MachineReport;
import dev.herd.agent.report.ReportCollector;
import dev.herd.gateway.GatewayFixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real customer agent (enrolment, collector, on-disk queue, HTTP sender) against the real gateway. */
@QuarkusTest
class AgentClientTest {

    @TestHTTPResource("/")
    URI gatewayUrl;

    @Inject
    GatewayFixtures fixtures;

    @TempDir
    Path stateDir;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    /** This machine's report as the real collector sees it, replaceable to simulate package changes. */
    private final AtomicReference<MachineReport> machine = new AtomicReference<>();

    @BeforeEach
    void clean() {
        fixtures.reset();
        machine.set(ReportCollector.collect(Path.of("/"), FileHasher.DEFAULT_WATCHED, Clock.systemUTC()));
    }

    @Test
    void anEnrolledAgentsFullReportOfThisMachineAndADeltaAreStored() throws Exception {
        AgentCredential credential = enrol();
        ReportQueue queue = new ReportQueue(stateDir);
        ReportBuilder builder = new ReportBuilder(machine::get, new SequenceCounter(stateDir), queue);
        Delivery delivery = delivery(gatewayUrl, credential, queue, builder);

        int packages = machine.get().packages().size();
        assertTrue(packages > 0, "the collector found no packages on this machine");
        builder.queueFull();
        assertNull(delivery.drain().problem(), log.toString());
        machine.set(withOnePackageChanged(machine.get()));
        assertEquals(2, builder.queueDeltaIfChanged().orElseThrow().sequence());
        assertNull(delivery.drain().problem(), log.toString());

        assertTrue(queue.isEmpty());
        agentView(credential).body("lastReportSequence", equalTo(2));
        assertEquals(
                1,
                fixtures.count("machine_report WHERE sequence = 1 AND kind = 'FULL'"
                        + " AND jsonb_array_length(body::jsonb -> 'report' -> 'packages') = " + packages));
        assertEquals(
                1,
                fixtures.count("machine_report WHERE sequence = 2 AND kind = 'DELTA'"
                        + " AND body::jsonb -> 'delta' -> 'added' -> 0 ->> 'name' = 'herd-agent-test-package'"));
    }

    @Test
    void reportsQueuedWhileTheGatewayWasDownArriveInOrderExactlyOnce() throws Exception {
        AgentCredential credential = enrol();
        ReportQueue queue = new ReportQueue(stateDir);
        ReportBuilder builder = new ReportBuilder(machine::get, new SequenceCounter(stateDir), queue);
        Delivery offline = delivery(closedPort(), credential, queue, builder);

        builder.queueFull();
        for (int i = 1; i <= 3; i++) {
            machine.set(withPackage(machine.get(), "herd-agent-test-" + i));
            builder.queueDeltaIfChanged();
            Delivery.Result result = offline.drain();
            assertEquals(0, result.delivered());
            assertTrue(result.problem().contains("gateway unreachable"), result.problem());
        }
        assertEquals(List.of(1L, 2L, 3L, 4L), queue.sequences());
        assertEquals(0, fixtures.count("machine_report"));

        // The agent restarts (new objects over the same state folder) and the gateway is back.
        ReportQueue restartedQueue = new ReportQueue(stateDir);
        ReportBuilder restarted = new ReportBuilder(machine::get, new SequenceCounter(stateDir), restartedQueue);
        assertEquals(5, restarted.queueFull());
        byte[] fifth = restartedQueue.read(5);
        Delivery online = delivery(gatewayUrl, credential, restartedQueue, restarted);
        Delivery.Result result = online.drain();

        assertEquals(5, result.delivered(), log.toString());
        assertNull(result.problem());
        assertTrue(restartedQueue.isEmpty());
        assertEquals(5, fixtures.count("machine_report"));
        assertEquals(5, fixtures.count("(SELECT DISTINCT sequence FROM machine_report) s"));
        assertEquals(
                1,
                fixtures.count(
                        "(SELECT 1 FROM machine_report HAVING array_agg(kind::text ORDER BY received_at, sequence)"
                                + " = ARRAY['FULL','DELTA','DELTA','DELTA','FULL']::text[]"
                                + " AND array_agg(sequence ORDER BY received_at, sequence) = ARRAY[1,2,3,4,5]::bigint[]) o"));
        agentView(credential).body("lastReportSequence", equalTo(5));

        // Sending again (a lost acknowledgement) stores nothing twice.
        restartedQueue.put(5, fifth);
        assertEquals(1, online.drain().delivered());
        assertEquals(5, fixtures.count("machine_report"));
    }

    @Test
    void aBadTokenIsAClearErrorAndNothingIsStored() {
        Enroller enroller = new Enroller(new GatewayClient(gatewayUrl, Clock.systemUTC()));

        EnrolmentException e =
                assertThrows(EnrolmentException.class, () -> enroller.enrol("not-a-token", Path.of("/"), stateDir));

        assertTrue(e.getMessage().contains("enrolment-token-unknown"), e.getMessage());
        assertFalse(Files.exists(stateDir.resolve(CredentialStore.FILE)));
        assertEquals(0, fixtures.count("agent"));
    }

    private AgentCredential enrol() throws Exception {
        AgentCredential credential = new Enroller(new GatewayClient(gatewayUrl, Clock.systemUTC()))
                .enrol(issueToken(acmeGateway()), Path.of("/"), stateDir);
        assertEquals("acme", credential.tenantId());
        assertEquals(credential, CredentialStore.read(stateDir).orElseThrow());
        assertNotNull(credential.credential());
        return credential;
    }

    private Delivery delivery(URI url, AgentCredential credential, ReportQueue queue, ReportBuilder builder) {
        return new Delivery(
                queue,
                new HttpReportSender(new GatewayClient(url, Clock.systemUTC()), credential.credential()),
                builder,
                new PrintStream(log, true));
    }

    private io.restassured.response.ValidatableResponse agentView(AgentCredential credential) {
        return given().auth()
                .oauth2(acmeGateway())
                .get("/api/agents/" + credential.agentId())
                .then()
                .statusCode(200);
    }

    private static MachineReport withOnePackageChanged(MachineReport report) {
        return withPackage(report, "herd-agent-test-package");
    }

    private static MachineReport withPackage(MachineReport report, String name) {
        List<InstalledPackage> packages = new ArrayList<>(report.packages());
        packages.add(new InstalledPackage(name, "1.0-1", "amd64", name, "1.0-1", "dpkg"));
        return new MachineReport(
                report.collectedAt(),
                report.os(),
                report.interfaces(),
                packages,
                report.listening(),
                report.hardware(),
                report.watchedFiles(),
                report.privilegedLogins(),
                report.networkConfigChanges(),
                report.antivirus());
    }

    private static URI closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
        }
    }
}
