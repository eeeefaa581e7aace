package dev.herd.agent.apply.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.herd.contracts.delivery.ApplyOutcome.CheckResult;
import dev.herd.contracts.delivery.PatchPlan.Check;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every operation check against real processes, sockets and servers on this machine. */
class OperationChecksTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final OperationChecks checks = OperationChecks.onThisMachine(Duration.ofSeconds(2));
    private Process sleeper;
    private HttpServer http;

    @AfterEach
    void stop() {
        if (sleeper != null) {
            sleeper.destroyForcibly();
        }
        if (http != null) {
            http.stop(0);
        }
    }

    private CheckResult run(String kind, String target, String expect) {
        return checks.run(new Check(kind, target, expect));
    }

    @Test
    void processFindsARunningProgramByName() throws IOException {
        sleeper = new ProcessBuilder("sleep", "30").start();

        CheckResult found = run("process", "sleep", null);
        CheckResult missing = run("process", "herd-no-such-daemon", null);

        assertTrue(found.passed(), found.detail());
        assertTrue(found.detail().startsWith("running as pid "), found.detail());
        assertFalse(missing.passed());
        assertEquals("no process named herd-no-such-daemon", missing.detail());
    }

    @Test
    void portConnectsOrSaysWhyNot() throws IOException {
        int closed;
        try (ServerSocket gone = new ServerSocket(0, 1, LOOPBACK)) {
            closed = gone.getLocalPort();
        }
        try (ServerSocket open = new ServerSocket(0, 1, LOOPBACK)) {
            assertTrue(run("port", "127.0.0.1:" + open.getLocalPort(), null).passed());
        }
        CheckResult refused = run("port", "127.0.0.1:" + closed, null);
        assertFalse(refused.passed());
        assertTrue(refused.detail().startsWith("ConnectException"), refused.detail());
        assertEquals(
                "target must be host:port, not 'localhost'",
                run("port", "localhost", null).detail());
    }

    @Test
    void httpComparesTheStatus() throws IOException {
        http = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        http.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        http.start();
        String url = "http://127.0.0.1:" + http.getAddress().getPort() + "/health";

        CheckResult expected204 = run("http", url, "204");
        CheckResult expected200 = run("http", url, null);
        CheckResult notFound = run("http", url.replace("/health", "/nothing"), "200");

        assertTrue(expected204.passed(), expected204.detail());
        assertFalse(expected200.passed());
        assertEquals("HTTP 204 (expected 200)", expected200.detail());
        assertEquals("HTTP 404 (expected 200)", notFound.detail());
        assertFalse(run("http", url, "two hundred").passed());
    }

    @Test
    void smtpWantsA220Greeting() throws Exception {
        try (ServerSocket server = greeter("220 test ESMTP")) {
            CheckResult greeted = run("smtp", "127.0.0.1:" + server.getLocalPort(), null);
            assertTrue(greeted.passed(), greeted.detail());
            assertEquals("220 test ESMTP", greeted.detail());
        }
        try (ServerSocket server = greeter("554 no service here")) {
            CheckResult refused = run("smtp", "127.0.0.1:" + server.getLocalPort(), null);
            assertFalse(refused.passed());
            assertEquals("554 no service here", refused.detail());
        }
        try (ServerSocket silent = new ServerSocket(0, 1, LOOPBACK)) {
            CheckResult timedOut = run("smtp", "127.0.0.1:" + silent.getLocalPort(), null);
            assertFalse(timedOut.passed());
            assertTrue(timedOut.detail().startsWith("SocketTimeoutException"), timedOut.detail());
        }
    }

    /** A one-connection server that writes {@code line} and waits for the client to hang up. */
    private static ServerSocket greeter(String line) throws IOException {
        ServerSocket server = new ServerSocket(0, 1, LOOPBACK);
        Thread.ofVirtual().start(() -> {
            try (Socket client = server.accept()) {
                OutputStream out = client.getOutputStream();
                out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                client.getInputStream().read();
            } catch (IOException e) {
                // The test closed the server.
            }
        });
        return server;
    }

    @Test
    void profileComparesListeningTcpPortsWithThoseBeforeTheApply() throws IOException {
        OperationChecks before = OperationChecks.onThisMachine(Duration.ofSeconds(2));
        int port;
        try (ServerSocket extra = new ServerSocket(0, 1, LOOPBACK)) {
            port = extra.getLocalPort();
            CheckResult changed = before.run(new Check("profile", null, null));
            assertFalse(changed.passed());
            assertTrue(changed.detail().contains("+" + port), changed.detail());
        }
        // Other programs on this machine may open or close ports meanwhile: ours must be gone from the difference.
        CheckResult after = before.run(new Check("profile", null, null));
        assertFalse(after.detail().contains("+" + port + " ") || after.detail().endsWith("+" + port), after.detail());
        assertTrue(stableProfilePasses(), "an untouched machine keeps its profile");
    }

    private static boolean stableProfilePasses() {
        for (int attempt = 0; attempt < 3; attempt++) {
            if (OperationChecks.onThisMachine(Duration.ofSeconds(2))
                    .run(new Check("profile", null, null))
                    .passed()) {
                return true;
            }
        }
        return false;
    }

    @Test
    void anUnknownKindFails() {
        CheckResult unknown = run("telepathy", "x", null);
        assertFalse(unknown.passed());
        assertEquals("unknown check kind 'telepathy'", unknown.detail());
    }
}
