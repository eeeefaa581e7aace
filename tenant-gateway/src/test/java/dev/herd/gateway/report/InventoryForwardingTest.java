package dev.herd.gateway.report;

import static dev.herd.gateway.GatewayFixtures.acmeGateway;
import static dev.herd.gateway.GatewayFixtures.asAgent;
import static dev.herd.gateway.GatewayFixtures.enrol;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.inventory.MachineInventory;
import dev.herd.contracts.outbox.Outbox;
import dev.herd.contracts.outbox.OutboxRelay;
import dev.herd.gateway.GatewayFixtures;
import dev.herd.gateway.GatewayFixtures.EnrolledAgent;
import dev.herd.gateway.delivery.DeliveryFixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Accepted reports reach Artemis through the outbox, in order per machine, with only the diagnosis fields. */
@QuarkusTest
class InventoryForwardingTest {

    @Inject
    GatewayFixtures fixtures;

    @Inject
    ConnectionFactory connections;

    @Inject
    OutboxRelay relay;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper json;

    @BeforeEach
    void clean() {
        fixtures.reset();
    }

    @Test
    void reportsArePublishedWithOnlyWhatDiagnosisNeeds() throws Exception {
        EnrolledAgent agent = enrol(acmeGateway(), "web-01");
        try (JMSContext context = connections.createContext(JMSContext.AUTO_ACKNOWLEDGE);
                JMSConsumer consumer = context.createConsumer(context.createTopic(MachineInventory.ADDRESS))) {
            send(agent, Reports.full(1));
            send(agent, Reports.delta(2));
            relay.sendBatch();

            List<TextMessage> received = new ArrayList<>();
            while (received.size() < 2) {
                TextMessage message = (TextMessage) consumer.receive(10_000);
                assertNotNull(message, "no message on " + MachineInventory.ADDRESS);
                received.add(message);
            }
            assertEquals("acme", received.get(0).getStringProperty("JMSXGroupID"), "grouped by tenant (ADR 12)");

            JsonNode raw = json.readTree(received.get(0).getText());
            Set<String> fields = new java.util.TreeSet<>();
            raw.fieldNames().forEachRemaining(fields::add);
            assertEquals(
                    Set.of(
                            "tenantId",
                            "agentId",
                            "machineId",
                            "hostname",
                            "osId",
                            "osVersion",
                            "architecture",
                            "sequence",
                            "kind",
                            "packages",
                            "removedPackages",
                            "listening",
                            "addresses",
                            "receivedAt"),
                    fields);
            assertFalse(received.get(0).getText().contains("sshd"), "process names stay at the site");
            assertFalse(received.get(0).getText().contains("52:54:00"), "MAC addresses stay at the site");

            MachineInventory full = json.readValue(received.get(0).getText(), MachineInventory.class);
            assertEquals("acme", full.tenantId());
            assertEquals(agent.id(), full.agentId());
            assertEquals("web-01", full.hostname());
            assertEquals("debian", full.osId());
            assertEquals("12", full.osVersion());
            assertEquals("amd64", full.architecture());
            assertEquals(1, full.sequence());
            assertEquals(MachineInventory.Kind.FULL, full.kind());
            assertEquals(
                    new MachineInventory.PackageRef(
                            "openssl", "3.0.15-1~deb12u1", "amd64", "openssl", "3.0.15-1~deb12u1"),
                    full.packages().get(0));
            assertEquals(List.of(new MachineInventory.ListeningPort("tcp", "0.0.0.0", 22)), full.listening());
            assertEquals(List.of("10.0.0.5", "2001:db8::5"), full.addresses(), "no loopback, no link-local");

            MachineInventory delta = json.readValue(received.get(1).getText(), MachineInventory.class);
            assertEquals(2, delta.sequence());
            assertEquals(MachineInventory.Kind.DELTA, delta.kind());
            assertEquals(
                    List.of("nginx", "openssl"),
                    delta.packages().stream()
                            .map(MachineInventory.PackageRef::name)
                            .toList());
            assertEquals("libssl3", delta.removedPackages().get(0).name());
            // the relay marks a batch sent after the broker's commit, so a consumer may see it a moment before
            DeliveryFixtures.await("the outbox is empty", () -> outbox.pendingCount() == 0);
        }
    }

    private static void send(EnrolledAgent agent, String body) {
        asAgent(agent)
                .contentType("application/json")
                .body(body)
                .post("/agent/reports")
                .then()
                .statusCode(200);
    }
}
