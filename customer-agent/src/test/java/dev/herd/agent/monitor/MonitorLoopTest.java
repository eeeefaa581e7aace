package dev.herd.agent.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.herd.agent.apply.rules.Iptables;
import dev.herd.agent.apply.rules.NetworkNamespace;
import dev.herd.agent.apply.rules.Nft;
import dev.herd.agent.apply.rules.SignatureRules;
import dev.herd.agent.gateway.GatewayClient;
import dev.herd.agent.process.SystemProcessRunner;
import dev.herd.contracts.delivery.RuleBundle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agent as a sensor in a throwaway network namespace, with the real conntrack and tcpdump: a connection made there
 * reaches a gateway on a local port as a flow record, an interval without traffic sends the empty heartbeat batch, and
 * a request the kernel's string match drops (or a canary check it only logs) reaches it as a signature hit.
 */
class MonitorLoopTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SystemProcessRunner RUNNER = new SystemProcessRunner(Duration.ofSeconds(30));
    private static final int PORT = 8443;
    private static final String SIGNATURE = "/cgi-bin/.%2e/.%2e/bin/sh";

    private HttpServer gateway;
    private final List<JsonNode> batches = new CopyOnWriteArrayList<>();
    private NetworkNamespace namespace;
    private Thread sensor;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        gateway.createContext("/agent/flows", this::flows);
        gateway.start();
        namespace = new NetworkNamespace();
        assertTrue(inNamespace("ip", "link", "set", "lo", "up"));
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (sensor != null) {
            sensor.interrupt();
            sensor.join(5_000);
        }
        namespace.close();
        gateway.stop(0);
    }

    private MonitorLoop sensor(MonitorHits hits) {
        return new MonitorLoop(
                new GatewayClient(
                        URI.create("http://127.0.0.1:" + gateway.getAddress().getPort()), Clock.systemUTC()),
                "agent-1:secret",
                namespace.run("conntrack"),
                namespace.run("tcpdump"),
                hits,
                new Nft(RUNNER, namespace.nft()),
                List.of(
                        new Iptables(RUNNER, namespace.iptables(), Iptables.Family.V4),
                        new Iptables(RUNNER, namespace.iptables(), Iptables.Family.V6)),
                new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @Test
    void aConnectionInTheNamespaceIsSentAsAFlowAndQuietIntervalsAsHeartbeats() throws Exception {
        sensor = sensor(MonitorHits.ALL).start(Duration.ofSeconds(1));
        await(() -> batches.stream().anyMatch(JsonNode::isEmpty), "an empty heartbeat batch");

        List<String> listen = new ArrayList<>(namespace.run("python3"));
        listen.addAll(List.of(
                "-c",
                "import socket,time; s=socket.socket(); s.bind(('127.0.0.1', 8081)); s.listen();"
                        + " c,_=s.accept(); time.sleep(1)"));
        Process server = new ProcessBuilder(listen).start();
        try {
            Thread.sleep(500);
            assertTrue(inNamespace(
                    "python3",
                    "-c",
                    "import socket; socket.create_connection(('127.0.0.1', 8081), timeout=2).close()"));
            await(() -> flowTo(8081) != null, "the flow to port 8081");
        } finally {
            server.destroyForcibly();
        }

        JsonNode flow = flowTo(8081);
        assertEquals("127.0.0.1", flow.path("source").asText());
        assertEquals("127.0.0.1", flow.path("destination").asText());
        assertEquals("tcp", flow.path("protocol").asText());
        assertTrue(
                Instant.parse(flow.path("time").asText()).isAfter(Instant.now().minusSeconds(60)));
        assertTrue(
                inNamespaceOutput("nft", "list", "table", "inet", "herd_monitor")
                        .contains("ct state new"),
                "connection tracking switched on by the sensor's table");
    }

    @Test
    void signatureHitsAndCanaryChecksLoggedToNflogAreSentWithTheirSignature() throws Exception {
        SignatureRules rules = new SignatureRules(RUNNER, namespace.iptables());
        RuleBundle bundle = new RuleBundle(
                "acme",
                1,
                Instant.parse("2026-12-07T03:00:00Z"),
                List.of(new RuleBundle.Rule(7, "CVE-2024-4577", "DROP", "tcp", PORT, SIGNATURE, List.of())),
                "",
                "");
        assertTrue(rules.apply(bundle, rules.save()).passed());
        Process server = serve();
        String canary = "HERD-CANARY-" + UUID.randomUUID();
        try {
            sensor = sensor(MonitorHits.ALL).start(Duration.ofSeconds(1));
            await(() -> !batches.isEmpty(), "a first batch");
            Thread.sleep(1_000); // tcpdump is listening by now

            assertEquals("0 1", request(SIGNATURE + " /index.html"), "the attack dropped, a clean request answered");
            assertEquals("1", request(canary), "a canary check is seen, not dropped");

            await(() -> hit(SIGNATURE) != null && hit(canary) != null, "the signature hit and the canary check");
        } finally {
            server.destroyForcibly();
        }
        JsonNode hit = hit(SIGNATURE);
        assertEquals("127.0.0.1", hit.path("destination").asText());
        assertEquals("tcp", hit.path("protocol").asText());
        assertEquals(PORT, hit.path("port").asInt());
        assertTrue(hit.path("bytes").asLong() > SIGNATURE.length(), hit.toString());
        assertTrue(
                Instant.parse(hit.path("time").asText()).isAfter(Instant.now().minusSeconds(60)));
        assertEquals(PORT, hit(canary).path("port").asInt());
        assertTrue(
                inNamespaceOutput("iptables", "-S", "HERD-MON").contains("--nflog-group 42"),
                "the sensor's canary rule");
        assertFalse(
                batches.stream().anyMatch(batch -> batch.toString().contains("/index.html")),
                "a clean request is no hit");
    }

    @Test
    void onlyCanaryChecksAreSentWhenSignatureHitsAreNotReported() throws Exception {
        SignatureRules rules = new SignatureRules(RUNNER, namespace.iptables());
        RuleBundle bundle = new RuleBundle(
                "acme",
                1,
                Instant.parse("2026-12-07T03:00:00Z"),
                List.of(new RuleBundle.Rule(7, "CVE-2024-4577", "DROP", "tcp", PORT, SIGNATURE, List.of())),
                "",
                "");
        assertTrue(rules.apply(bundle, rules.save()).passed());
        Process server = serve();
        try {
            sensor = sensor(MonitorHits.CANARY).start(Duration.ofSeconds(1));
            await(() -> !batches.isEmpty(), "a first batch");
            Thread.sleep(1_000);
            String canary = "HERD-CANARY-" + UUID.randomUUID();
            assertEquals("0 1", request(SIGNATURE + " /index.html"));
            assertEquals("1", request(canary));
            await(() -> hit(canary) != null, "the canary check");
        } finally {
            server.destroyForcibly();
        }
        await(() -> log.toString().contains("signature hit(s) not reported (canaries only)"), "the skipped hit");
        assertEquals(null, hit(SIGNATURE), "the signature hit is not reported");
    }

    @Test
    void withoutTcpdumpTheSensorSaysSoAndStillSendsItsHeartbeat() throws Exception {
        sensor = new MonitorLoop(
                        new GatewayClient(
                                URI.create("http://127.0.0.1:"
                                        + gateway.getAddress().getPort()),
                                Clock.systemUTC()),
                        "agent-1:secret",
                        namespace.run("conntrack"),
                        List.of("/nonexistent/tcpdump"),
                        MonitorHits.ALL,
                        new Nft(RUNNER, namespace.nft()),
                        List.of(new Iptables(RUNNER, namespace.iptables(), Iptables.Family.V4)),
                        new PrintStream(log, true, StandardCharsets.UTF_8))
                .start(Duration.ofSeconds(1));

        await(() -> batches.stream().filter(JsonNode::isEmpty).count() >= 2, "two heartbeat batches");
        assertTrue(log.toString().contains("monitor: cannot start /nonexistent/tcpdump"), log.toString());
        assertTrue(sensor.isAlive(), "the sensor runs on");
    }

    private Process serve() throws IOException, InterruptedException {
        List<String> serve = new ArrayList<>(namespace.run("python3"));
        serve.addAll(List.of("-m", "http.server", Integer.toString(PORT), "--bind", "127.0.0.1"));
        Process server = new ProcessBuilder(serve)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        for (int i = 0; i < 50 && !"1".equals(request("/index.html")); i++) {
            Thread.sleep(100);
        }
        return server;
    }

    /** Requests each path once on the namespace's loopback; "1" or "0" per path for answered or not. */
    private String request(String paths) {
        String client = """
                import socket, sys
                def answered(path):
                    try:
                        with socket.create_connection(("127.0.0.1", %d), timeout=0.5) as s:
                            s.sendall(("GET " + path + " HTTP/1.0\\r\\nHost: lab\\r\\n\\r\\n").encode())
                            return s.recv(12).startswith(b"HTTP/")
                    except OSError:
                        return False
                print(" ".join("1" if answered(p) else "0" for p in sys.argv[1:]))
                """.formatted(PORT);
        List<String> command = new ArrayList<>(namespace.run("python3"));
        command.addAll(List.of("-c", client));
        command.addAll(List.of(paths.split(" ")));
        return RUNNER.run(command).stdout().strip();
    }

    private JsonNode hit(String signature) {
        for (JsonNode batch : batches) {
            for (JsonNode flow : batch) {
                if (signature.equals(flow.path("signature").asText(null))) {
                    return flow;
                }
            }
        }
        return null;
    }

    private JsonNode flowTo(int port) {
        for (JsonNode batch : batches) {
            for (JsonNode flow : batch) {
                if (flow.path("port").asInt() == port) {
                    return flow;
                }
            }
        }
        return null;
    }

    private void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + what + " within 15 s; batches " + batches + "\n" + log);
    }

    private boolean inNamespace(String program, String... args) {
        List<String> command = new ArrayList<>(namespace.run(program));
        command.addAll(List.of(args));
        return RUNNER.run(command).succeeded();
    }

    private String inNamespaceOutput(String program, String... args) {
        List<String> command = new ArrayList<>(namespace.run(program));
        command.addAll(List.of(args));
        return RUNNER.run(command).stdout();
    }

    private void flows(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        batches.add(body);
        byte[] answer = ("{\"accepted\":" + body.size() + "}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(202, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }
}
