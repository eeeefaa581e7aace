package dev.herd.portal.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.portal.damage.DamageCaseRepository;
import dev.herd.portal.support.PortalFixtures;
import dev.herd.testing.EmbeddedArtemisResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The security log on syslog, as a SIEM receives it: a UDP syslog collector of the test's gets the security events as
 * ECS JSON, and nothing of any other log category.
 */
@QuarkusTest
@TestProfile(SecuritySyslogTest.Syslog.class)
@QuarkusTestResource(EmbeddedArtemisResource.class)
class SecuritySyslogTest {

    /**
     * The collector's port, chosen by the profile before Quarkus starts and handed over as a system property: the
     * profile and the test instance may be loaded by different class loaders, and so not share a static field.
     */
    private static final String PORT_KEY = "herd.test.security-syslog-port";

    private static DatagramSocket collector;

    /** Syslog on, over UDP to the collector. */
    public static class Syslog implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.log.syslog.enabled", "true",
                    "quarkus.log.syslog.protocol", "udp",
                    "quarkus.log.syslog.endpoint", "127.0.0.1:" + port());
        }
    }

    @Inject
    PortalFixtures fixtures;

    @Inject
    DamageCaseRepository cases;

    @Inject
    ObjectMapper json;

    @BeforeAll
    static void listen() throws IOException {
        collector = new DatagramSocket(Integer.parseInt(port()), InetAddress.getLoopbackAddress());
    }

    @AfterAll
    static void close() {
        collector.close();
    }

    @Test
    void securityEventsReachSyslogAsEcsJsonAndNothingElseDoes() throws Exception {
        fixtures.reset();
        Logger.getLogger("dev.herd.portal.webhook.SecuritySyslogTest").info("not a security event");
        UUID caseId = QuarkusTransaction.requiringNew().call(() -> cases.openCase("acme", Instant.now()));
        List<String> messages = new ArrayList<>();
        JsonNode event = null;
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (event == null && System.nanoTime() < deadline) {
            String message = receive();
            if (message == null) {
                continue;
            }
            messages.add(message);
            if (message.contains(caseId.toString())) {
                event = json.readTree(message.substring(message.indexOf('{')));
            }
        }
        assertTrue(event != null, "the damage case on syslog; received " + messages);
        assertEquals("herd.security", event.path("log.logger").asText(), event.toString());
        assertEquals("INFO", event.path("log.level").asText());
        assertTrue(event.has("@timestamp") && event.has("ecs.version"), "ECS fields: " + event);
        assertTrue(event.path("message").asText().startsWith("damage_case.opened at acme"), event.toString());
        assertEquals(
                "damage_case.opened", event.path("mdc").path("event.action").asText(), event.toString());
        assertEquals("acme", event.path("mdc").path("herd.tenant").asText());
        for (String message : messages) {
            assertTrue(message.contains("\"herd.security\""), "only the security category on syslog: " + message);
        }
    }

    private static String receive() {
        byte[] buffer = new byte[65_536];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            collector.setSoTimeout(500);
            collector.receive(packet);
            return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
        } catch (SocketTimeoutException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A free UDP port, the same for the profile and the test. */
    private static synchronized String port() {
        return System.getProperties()
                .computeIfAbsent(PORT_KEY, key -> {
                    try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                        return Integer.toString(probe.getLocalPort());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toString();
    }
}
