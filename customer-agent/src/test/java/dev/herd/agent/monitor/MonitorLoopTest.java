package dev.herd.agent.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.herd.agent.apply.rules.NetworkNamespace;
import dev.herd.agent.apply.rules.Nft;
import dev.herd.agent.gateway.GatewayClient;
import dev.herd.agent.process.SystemProcessRunner;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agent as a sensor in a throwaway network namespace, with the real conntrack: a connection made there reaches a
 * gateway on a local port as a flow record, and an interval without traffic sends the empty heartbeat batch.
 */
class MonitorLoopTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SystemProcessRunner RUNNER = new SystemProcessRunner(Duration.ofSeconds(30));

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

    @Test
    void aConnectionInTheNamespaceIsSentAsAFlowAndQuietIntervalsAsHeartbeats() throws Exception {
        sensor = new MonitorLoop(
                        new GatewayClient(
                                URI.create("http://127.0.0.1:"
                                        + gateway.getAddress().getPort()),
                                Clock.systemUTC()),
                        "agent-1:secret",
                        namespace.run("conntrack"),
                        new Nft(RUNNER, namespace.nft()),
                        new PrintStream(log, true, StandardCharsets.UTF_8))
                .start(Duration.ofSeconds(1));
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
