package dev.herd.agent.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.herd.agent.FixtureRoot;
import dev.herd.agent.enrolment.AgentCredential;
import dev.herd.agent.files.FileHasher;
import dev.herd.agent.gateway.GatewayClient;
import dev.herd.agent.report.ReportCollector;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The running agent against a gateway on a local port, collecting a fixture root: evidence that appears while it runs
 * goes out as a DELTA within the default report interval, without a package having changed.
 */
class ReportingAgentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path USB_STICK = Path.of("sys/block/sdb");

    @TempDir
    Path root;

    @TempDir
    Path stateDir;

    private HttpServer gateway;
    private final List<JsonNode> reports = new CopyOnWriteArrayList<>();
    private Thread agent;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void startGateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        gateway.createContext("/agent/reports", this::report);
        gateway.createContext("/agent/heartbeat", exchange -> answer(exchange, "{}"));
        gateway.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (agent != null) {
            agent.interrupt();
            agent.join(5_000);
        }
        gateway.stop(0);
    }

    @Test
    void aUsbStickPluggedInWhileTheAgentRunsIsReportedWithinTenSeconds() throws Exception {
        FixtureRoot.build(root);
        Path stick = root.resolve(USB_STICK);
        Path stickTarget = Files.readSymbolicLink(stick);
        Files.delete(stick);
        startAgent(Duration.ofSeconds(Long.parseLong(ReportingAgent.DEFAULT_REPORT_INTERVAL_SECONDS)));
        JsonNode full = await(r -> r.path("kind").asText().equals("FULL"), Duration.ofSeconds(10));
        assertFalse(full.path("report").path("hardware").path("usbMassStorage").asBoolean());

        Instant pluggedIn = Instant.now();
        Files.createSymbolicLink(stick, stickTarget);
        JsonNode delta = await(r -> r.path("kind").asText().equals("DELTA"), Duration.ofSeconds(10));

        assertTrue(
                Duration.between(pluggedIn, Instant.now()).compareTo(Duration.ofSeconds(10)) <= 0,
                "reported within 10 s");
        assertTrue(delta.path("report").path("hardware").path("usbMassStorage").asBoolean());
        assertEquals(2, delta.path("sequence").asLong());
        assertEquals(0, delta.path("delta").path("added").size(), "no package changed");
        assertTrue(
                log.toString(StandardCharsets.UTF_8).contains("queued DELTA report 2 (hardware changed)"),
                log.toString(StandardCharsets.UTF_8));
    }

    @Test
    void nothingChangingSendsNothingAfterTheFullReport() throws Exception {
        FixtureRoot.build(root);
        startAgent(Duration.ofSeconds(1));
        await(r -> r.path("kind").asText().equals("FULL"), Duration.ofSeconds(10));

        Thread.sleep(3_000);

        assertEquals(1, reports.size(), "three looks at an unchanged machine send nothing");
    }

    private void startAgent(Duration reportInterval) {
        Clock clock = Clock.systemUTC();
        ReportingAgent reporting = new ReportingAgent(
                new GatewayClient(
                        URI.create("http://127.0.0.1:" + gateway.getAddress().getPort()), clock),
                new AgentCredential("agent-1", "tenant-a", "agent-1:secret"),
                stateDir,
                () -> ReportCollector.collect(root, FileHasher.DEFAULT_WATCHED, clock),
                Duration.ofSeconds(1),
                clock,
                new PrintStream(log, true, StandardCharsets.UTF_8));
        agent = Thread.ofPlatform().daemon().start(() -> {
            try {
                reporting.run(Duration.ofSeconds(1), reportInterval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private JsonNode await(Predicate<JsonNode> wanted, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            Optional<JsonNode> found = reports.stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no such report within " + within + "; got " + reports + "\n" + log);
    }

    private void report(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        reports.add(body);
        answer(
                exchange,
                "{\"status\":\"accepted\",\"sequence\":" + body.path("sequence").asLong() + "}");
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
