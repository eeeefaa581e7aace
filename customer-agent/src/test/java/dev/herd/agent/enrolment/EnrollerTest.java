package dev.herd.agent.enrolment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.herd.agent.gateway.GatewayClient;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrollerTest {

    @TempDir
    Path dir;

    private HttpServer gateway;
    private final AtomicReference<String> received = new AtomicReference<>();

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.stop(0);
        }
    }

    @Test
    void theCredentialIsStoredReadableByItsOwnerOnly() throws Exception {
        URI url = gateway(201, "{\"agentId\":\"a-1\",\"tenantId\":\"acme\",\"credential\":\"a-1:s3cret\"}");
        Files.createDirectories(dir.resolve("root/etc"));
        Files.writeString(dir.resolve("root/etc/machine-id"), "abc123\n");
        Files.writeString(dir.resolve("root/etc/hostname"), "web-01\n");
        Path state = dir.resolve("state");

        AgentCredential credential = new Enroller(client(url)).enrol("tok", dir.resolve("root"), state);

        assertEquals(new AgentCredential("a-1", "acme", "a-1:s3cret"), credential);
        assertEquals(credential, CredentialStore.read(state).orElseThrow());
        assertEquals(
                "rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("credential.json"))));
        assertTrue(received.get().contains("\"machineId\":\"abc123\""), received.get());
        assertTrue(received.get().contains("\"hostname\":\"web-01\""), received.get());
    }

    @Test
    void aRefusedTokenIsOneLineWithTheGatewaysCodeAndNothingIsStored() throws Exception {
        URI url = gateway(
                401, "{\"status\":401,\"code\":\"enrolment-token-unknown\",\"detail\":\"No such enrolment token.\"}");

        EnrolmentException e =
                assertThrows(EnrolmentException.class, () -> new Enroller(client(url)).enrol("bad", Path.of("/"), dir));

        assertEquals("enrolment refused: HTTP 401 enrolment-token-unknown: No such enrolment token.", e.getMessage());
        assertFalse(Files.exists(dir.resolve("credential.json")));
    }

    @Test
    void anUnreachableGatewayIsNamed() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + port);

        EnrolmentException e =
                assertThrows(EnrolmentException.class, () -> new Enroller(client(url)).enrol("tok", "h", "m"));

        assertTrue(e.getMessage().startsWith("gateway unreachable"), e.getMessage());
        assertTrue(e.getMessage().contains(url.toString()), e.getMessage());
    }

    @Test
    void withoutEtcMachineIdAGeneratedIdIsKept() throws Exception {
        Path root = Files.createDirectories(dir.resolve("empty-root"));
        String first = MachineIdentity.machineId(root, dir.resolve("state"));
        String again = MachineIdentity.machineId(root, dir.resolve("state"));

        assertEquals(first, again);
        assertEquals(36, first.length());
    }

    private static GatewayClient client(URI url) {
        return new GatewayClient(url, Clock.systemUTC());
    }

    private URI gateway(int status, String body) throws Exception {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/agent/enrol", exchange -> {
            received.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        gateway.start();
        return URI.create("http://127.0.0.1:" + gateway.getAddress().getPort());
    }
}
