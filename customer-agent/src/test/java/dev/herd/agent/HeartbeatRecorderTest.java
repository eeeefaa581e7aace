package dev.herd.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeartbeatRecorderTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path stateDir;

    private HttpServer gateway;

    @AfterEach
    void stopGateway() {
        if (gateway != null) {
            gateway.stop(0);
        }
    }

    @Test
    void readyGatewayGivesAnOkHeartbeatFile() throws Exception {
        URI url = startGateway(200);

        Heartbeat beat = new HeartbeatRecorder(new GatewayProbe(url), stateDir, CLOCK).beat();

        assertTrue(beat.gatewayReachable());
        assertEquals("2026-11-21T10:00:00Z ok\n", Files.readString(stateDir.resolve("heartbeat")));
    }

    @Test
    void gatewayThatIsNotReadyIsReportedWithItsStatus() throws Exception {
        URI url = startGateway(503);

        Heartbeat beat = new HeartbeatRecorder(new GatewayProbe(url), stateDir, CLOCK).beat();

        assertEquals("2026-11-21T10:00:00Z degraded gateway not ready (HTTP 503)", beat.line());
    }

    @Test
    void unreachableGatewayIsReportedNotThrown() throws Exception {
        URI url = startGateway(200);
        gateway.stop(0);
        gateway = null;

        Heartbeat beat = new HeartbeatRecorder(new GatewayProbe(url), stateDir, CLOCK).beat();

        assertFalse(beat.gatewayReachable());
        String written = Files.readString(stateDir.resolve("heartbeat"));
        assertTrue(written.startsWith("2026-11-21T10:00:00Z degraded gateway unreachable"), written);
    }

    @Test
    void aNotEnrolledAgentSaysSoOnItsOkLine() throws Exception {
        URI url = startGateway(200);

        new HeartbeatRecorder(new GatewayProbe(url), stateDir, CLOCK, "not enrolled (heartbeat only)").beat();

        assertEquals(
                "2026-11-21T10:00:00Z ok not enrolled (heartbeat only)\n",
                Files.readString(stateDir.resolve("heartbeat")));
    }

    private URI startGateway(int readinessStatus) throws Exception {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/q/health/ready", exchange -> {
            exchange.sendResponseHeaders(readinessStatus, -1);
            exchange.close();
        });
        gateway.start();
        return URI.create("http://127.0.0.1:" + gateway.getAddress().getPort());
    }
}
