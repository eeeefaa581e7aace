package dev.herd.agent.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.herd.agent.AgentCli;
import dev.herd.agent.GatewayProbe;
import dev.herd.contracts.enrolment.CaFingerprint;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's side of TLS against a real HTTPS server with the launcher's demo CA: enrolment pins the CA the token
 * names, a wrong fingerprint or plain HTTP is refused before the token is sent, and {@code run} trusts the pinned CA.
 */
class GatewayTlsTest {

    private static final String OTHER_FP = "ab".repeat(32);

    @TempDir
    static Path caDir;

    static DemoCa ca;

    @TempDir
    Path state;

    private HttpsServer https;
    private HttpServer plain;
    private final AtomicInteger enrolments = new AtomicInteger();

    @BeforeAll
    static void makeCa() throws Exception {
        ca = DemoCa.make(caDir.resolve("tls"));
    }

    @BeforeEach
    void start() throws Exception {
        // Every local address, so that 127.0.0.2 (a name the certificate does not hold) reaches it too.
        https = HttpsServer.create(new InetSocketAddress(0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(ca.serverContext()));
        plain = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        for (HttpServer server : new HttpServer[] {https, plain}) {
            server.createContext("/agent/enrol", this::enrol);
            server.createContext("/q/health/ready", exchange -> answer(exchange, 200, "{\"status\":\"UP\"}"));
            server.start();
        }
    }

    @AfterEach
    void stop() {
        https.stop(0);
        plain.stop(0);
    }

    @Test
    void enrolmentPinsTheCaOfTheTokenAndRunTrustsOnlyIt() throws Exception {
        AgentCli cli = enrol(httpsUrl("localhost"), "c2VjcmV0." + ca.fingerprint());
        assertEquals(0, cli.exit(), cli.err());
        assertEquals(1, enrolments.get());
        Path pinned = state.resolve(PinnedCaFile.FILE);
        assertEquals(PinnedCaFile.load(ca.caPem()), PinnedCaFile.load(pinned));
        assertEquals(
                ca.fingerprint(), CaFingerprint.of(PinnedCaFile.load(pinned)).hex());
        assertTrue(Files.exists(state.resolve("credential.json")));

        GatewayTransport run =
                GatewayTransport.forRun(httpsUrl("127.0.0.1"), state, Optional.empty(), false, line -> {});
        assertNull(new GatewayProbe(httpsUrl("127.0.0.1"), run.client()).problem());
    }

    @Test
    void theCaFileGivenMustHaveTheTokensFingerprint() throws Exception {
        AgentCli cli = AgentCli.run(
                "enrol",
                "--gateway",
                httpsUrl("localhost").toString(),
                "--token",
                "c2VjcmV0." + OTHER_FP,
                "--gateway-ca",
                ca.caPem().toString(),
                "--state-dir",
                state.toString());
        assertEquals(2, cli.exit());
        assertTrue(cli.err().contains("is not the one the enrolment token pins (SHA-256 AB:AB:"), cli.err());

        AgentCli good = AgentCli.run(
                "enrol",
                "--gateway",
                httpsUrl("localhost").toString(),
                "--token",
                "c2VjcmV0." + ca.fingerprint(),
                "--gateway-ca",
                ca.caPem().toString(),
                "--state-dir",
                state.toString());
        assertEquals(0, good.exit(), good.err());
        assertEquals(1, enrolments.get());
    }

    @Test
    void aWrongFingerprintIsRefusedBeforeTheTokenIsSent() throws Exception {
        AgentCli cli = enrol(httpsUrl("localhost"), "c2VjcmV0." + OTHER_FP);
        assertEquals(2, cli.exit());
        assertTrue(
                cli.err()
                        .contains("is not trusted: its certificate chain does not hold the CA the enrolment"
                                + " token pins (SHA-256 AB:AB:"),
                cli.err());
        assertTrue(cli.err().contains("Herd demo CA"), "names what the gateway presented: " + cli.err());
        assertEquals(0, enrolments.get());
        assertFalse(Files.exists(state.resolve("credential.json")));
        assertFalse(Files.exists(state.resolve(PinnedCaFile.FILE)));
    }

    @Test
    void theHostNameIsCheckedUnderThePinnedCa() throws Exception {
        // The certificate names localhost and 127.0.0.1, not 127.0.0.2.
        AgentCli cli =
                enrol(URI.create("https://127.0.0.2:" + https.getAddress().getPort()), "s." + ca.fingerprint());
        assertEquals(2, cli.exit());
        assertTrue(cli.err().contains("not valid under the pinned CA"), cli.err());
        assertEquals(0, enrolments.get());
    }

    @Test
    void plainHttpIsRefusedUnlessAllowedAndThenWarned() throws Exception {
        URI url = URI.create("http://127.0.0.1:" + plain.getAddress().getPort());
        AgentCli refused = enrol(url, "c2VjcmV0." + ca.fingerprint());
        assertEquals(2, refused.exit());
        assertTrue(refused.err().contains("plain HTTP to the gateway (" + url + ") is refused"), refused.err());
        assertEquals(0, enrolments.get());

        AgentCli allowed = AgentCli.run(
                "enrol",
                "--gateway",
                url.toString(),
                "--token",
                "c2VjcmV0",
                "--allow-plain-http",
                "--state-dir",
                state.toString());
        assertEquals(0, allowed.exit(), allowed.err());
        assertTrue(allowed.err().contains("WARN plain HTTP to the gateway " + url + " is allowed"), allowed.err());
        assertFalse(Files.exists(state.resolve(PinnedCaFile.FILE)));
    }

    @Test
    void badTokensAreNamed() throws Exception {
        AgentCli malformed = enrol(httpsUrl("localhost"), "c2VjcmV0.abc123");
        assertEquals(2, malformed.exit());
        assertTrue(malformed.err().contains("CA fingerprint 'abc123' is not 64 hex digits"), malformed.err());

        AgentCli old = enrol(httpsUrl("localhost"), "c2VjcmV0");
        assertEquals(2, old.exit());
        assertTrue(old.err().contains("the enrolment token carries no CA fingerprint"), old.err());
        assertEquals(0, enrolments.get());
    }

    @Test
    void runWithoutAPinnedCaIsRefused() {
        AgentCli cli =
                AgentCli.run("run", "--gateway", httpsUrl("localhost").toString(), "--state-dir", state.toString());
        assertEquals(2, cli.exit());
        assertTrue(cli.err().contains("no gateway CA is pinned in " + state), cli.err());
    }

    private AgentCli enrol(URI gateway, String token) {
        return AgentCli.run(
                "enrol", "--gateway", gateway.toString(), "--token", token, "--state-dir", state.toString());
    }

    private URI httpsUrl(String host) {
        return URI.create("https://" + host + ":" + https.getAddress().getPort());
    }

    private void enrol(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        enrolments.incrementAndGet();
        answer(exchange, 201, "{\"agentId\":\"a-1\",\"tenantId\":\"acme\",\"credential\":\"a-1:secret\"}");
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
