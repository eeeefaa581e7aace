package dev.herd.gateway.agentclient;

import static dev.herd.gateway.GatewayFixtures.acmeGateway;
import static dev.herd.gateway.GatewayFixtures.issueToken;
import static dev.herd.testing.KeycloakTokens.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herd.agent.FixtureRoot;
import dev.herd.agent.delivery.ReportingAgent;
import dev.herd.agent.enrolment.AgentCredential;
import dev.herd.agent.enrolment.Enroller;
import dev.herd.agent.files.FileHasher;
import dev.herd.agent.gateway.GatewayClient;
import dev.herd.agent.report.ReportCollector;
import dev.herd.gateway.GatewayFixtures;
import dev.herd.gateway.isolation.IsolatingDevice;
import dev.herd.gateway.isolation.Machine;
import dev.herd.gateway.isolation.RecordingDevice;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The running agent (its daemon loop, with the default report interval) reading a fixture machine, against the real
 * gateway: a USB stick plugged in while it runs is reported and isolates the machine within 10 s.
 */
@QuarkusTest
class AgentEvidenceTest {

    /** The fixture's eno1 with a unique-local address, so that the isolating device has a MAC and an IP. */
    private static final Machine FIXTURE_MACHINE = Machine.of("3c:52:82:aa:bb:cc", "fd00::7");

    private static final Path USB_STICK = Path.of("sys/block/sdb");

    @TestHTTPResource("/")
    URI gatewayUrl;

    @Inject
    GatewayFixtures fixtures;

    @Inject
    IsolatingDevice device;

    @TempDir
    Path root;

    @TempDir
    Path stateDir;

    private RecordingDevice recorded;
    private Thread agent;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void clean() {
        fixtures.reset();
        recorded = (RecordingDevice) device;
        recorded.clear();
    }

    @AfterEach
    void stopAgent() throws InterruptedException {
        if (agent != null) {
            agent.interrupt();
            agent.join(10_000);
        }
    }

    @Test
    void aUsbStickPluggedInWhileTheAgentRunsIsolatesTheMachineWithinTenSeconds() throws Exception {
        FixtureRoot.build(root);
        Files.writeString(
                root.resolve("proc/net/if_inet6"),
                "fe800000000000003e5282fffeaabbcc 02 40 20 80     eno1\n"
                        + "fd000000000000000000000000000007 02 40 00 80     eno1\n");
        Path stick = root.resolve(USB_STICK);
        Path stickTarget = Files.readSymbolicLink(stick);
        Files.delete(stick);
        AgentCredential credential = new Enroller(new GatewayClient(gatewayUrl, Clock.systemUTC()))
                .enrol(issueToken(acmeGateway()), root, stateDir);
        start(credential);
        await(() -> fixtures.count("machine_report WHERE kind = 'FULL'") == 1, Duration.ofSeconds(20));
        assertEquals(List.of(), recorded.calls(), "the first report is the baseline");

        Instant pluggedIn = Instant.now();
        Files.createSymbolicLink(stick, stickTarget);
        await(() -> !recorded.calls().isEmpty(), Duration.ofSeconds(10));

        Duration took = Duration.between(pluggedIn, Instant.now());
        assertTrue(took.compareTo(Duration.ofSeconds(10)) <= 0, "isolated after " + took);
        assertEquals(List.of(new RecordingDevice.Call("QUARANTINE", FIXTURE_MACHINE, "quarantine")), recorded.calls());
        // The device is called inside the report's transaction: the report row shows once that commits.
        await(() -> fixtures.count("machine_report WHERE kind = 'DELTA'") > 0, Duration.ofSeconds(10));
        assertEquals(1, fixtures.count("machine_report WHERE kind = 'DELTA' AND sequence = 2"));
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/equipment-violations")
                .then()
                .statusCode(200)
                .body("kind", contains("USB_MASS_STORAGE"))
                .body("item", contains("sdb"))
                .body("reportSequence", contains(2));
        given().auth()
                .oauth2(user("globex-admin"))
                .get("/api/tenants/acme/equipment-violations")
                .then()
                .statusCode(403);
        assertTrue(
                log.toString(StandardCharsets.UTF_8).contains("queued DELTA report 2 (hardware changed)"),
                log.toString(StandardCharsets.UTF_8));
    }

    private void start(AgentCredential credential) {
        Clock clock = Clock.systemUTC();
        ReportingAgent reporting = new ReportingAgent(
                new GatewayClient(gatewayUrl, clock),
                credential,
                stateDir,
                () -> ReportCollector.collect(root, FileHasher.DEFAULT_WATCHED, clock),
                Duration.ofSeconds(10),
                clock,
                new PrintStream(log, true, StandardCharsets.UTF_8));
        Duration reportInterval = Duration.ofSeconds(Long.parseLong(ReportingAgent.DEFAULT_REPORT_INTERVAL_SECONDS));
        agent = Thread.ofPlatform().daemon().start(() -> {
            try {
                reporting.run(Duration.ofSeconds(10), reportInterval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private void await(BooleanSupplier condition, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not within " + within + "; isolating device saw " + recorded.calls() + "\n" + log);
    }
}
