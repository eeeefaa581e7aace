package dev.herd.gateway.outage;

import static dev.herd.gateway.GatewayFixtures.acmeGateway;
import static dev.herd.gateway.GatewayFixtures.asAgent;
import static dev.herd.gateway.GatewayFixtures.enrol;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.inventory.MachineInventory;
import dev.herd.contracts.outbox.Outbox;
import dev.herd.gateway.GatewayFixtures;
import dev.herd.gateway.GatewayFixtures.EnrolledAgent;
import dev.herd.gateway.delivery.DeliveryFixtures;
import dev.herd.testing.RestartableArtemisResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The uplink (the broker, and with it the portal) goes down while agents report and comes back: every report arrives
 * once, in order per machine; readiness says DOWN meanwhile; delivery from the portal resumes.
 */
@QuarkusTest
@TestProfile(BrokerOutageProfile.class)
class BrokerOutageTest {

    private static final String CLIENT_ID = "outage-test";
    private static final String SUBSCRIPTION = "outage-inventories";
    private static final int BEFORE = 4;
    private static final int DURING = 6;
    private static final int AFTER = 4;
    private static final int REPORTS = BEFORE + DURING + AFTER;
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Inject
    GatewayFixtures fixtures;

    @Inject
    ConnectionFactory connections;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper json;

    private final RestartableArtemisResource broker = RestartableArtemisResource.current();

    @BeforeEach
    void clean() {
        fixtures.reset();
    }

    @AfterEach
    void brokerBackUp() {
        if (!broker.isRunning()) {
            broker.startBroker();
        }
    }

    @Test
    void everyReportArrivesOnceInOrderAcrossABrokerRestart() throws Exception {
        List<EnrolledAgent> agents =
                List.of(enrol(acmeGateway(), "web-01"), enrol(acmeGateway(), "web-02"), enrol(acmeGateway(), "db-01"));
        subscribe();

        report(agents, 1, BEFORE);
        // Stop as soon as some reports went out: the relay may be part-way through the rest.
        await("some reports before the outage are forwarded", () -> outbox.count("sentAt is not null") > 0);

        broker.stopBroker();
        report(agents, BEFORE + 1, BEFORE + DURING);
        await(
                "the relay tries to send while the broker is down and keeps the reports",
                () -> outbox.count("sentAt is null and attempts > 0") > 0);
        long pending = outbox.pendingCount();
        assertTrue(
                pending >= (long) agents.size() * DURING,
                "every report taken while the broker is down waits in the outbox, but only " + pending + " do");

        broker.startBroker();
        report(agents, BEFORE + DURING + 1, REPORTS);
        await("the outbox drains after the broker restart", () -> outbox.pendingCount() == 0);

        Map<UUID, List<Long>> received = receiveAll(agents.size() * REPORTS);
        List<Long> expected = LongStream.rangeClosed(1, REPORTS).boxed().toList();
        for (EnrolledAgent agent : agents) {
            List<Long> sequences = received.getOrDefault(agent.id(), List.of());
            assertNoDuplicates(agent, sequences);
            assertEquals(expected, sequences, "reports of agent " + agent.id() + " arrive once each, in order");
        }
        assertEquals(0, outbox.pendingCount(), "the outbox ends empty");
    }

    @Test
    void readinessSaysDownWhileTheUplinkIsLostAndDeliveryResumesWhenItIsBack() throws Exception {
        EnrolledAgent agent = enrol(acmeGateway(), "web-01");
        DeliveryFixtures delivery = new DeliveryFixtures(connections);
        delivery.publishBundle("acme", 1, "before the outage");
        await("bundle 1 is served", () -> servedRevision(agent).equals("\"1\""));

        broker.stopBroker();
        await("readiness reports the lost uplink", () -> readiness() == 503);
        // Agents keep being served what the gateway holds, and keep reporting.
        assertEquals("\"1\"", servedRevision(agent));
        asAgent(agent)
                .contentType("application/json")
                .body(OutageReports.body("host-0", 1))
                .post("/agent/reports")
                .then()
                .statusCode(200);

        broker.startBroker();
        await("readiness is back", () -> readiness() == 200);
        // The gateway's subscriptions consume again: what the portal publishes after the outage reaches the agent.
        delivery.publishBundle("acme", 2, "after the outage");
        await("bundle 2 is served", () -> servedRevision(agent).equals("\"2\""));
        await("the report taken during the outage is forwarded", () -> outbox.pendingCount() == 0);
    }

    private static String servedRevision(EnrolledAgent agent) {
        String etag = asAgent(agent).get("/agent/rule-bundle").header("ETag");
        return etag == null ? "" : etag;
    }

    private static int readiness() {
        return given().get("/q/health/ready").statusCode();
    }

    /** Posts reports {@code from..to} of every agent, interleaving the machines like a fleet does. */
    private static void report(List<EnrolledAgent> agents, long from, long to) {
        for (long sequence = from; sequence <= to; sequence++) {
            for (int i = 0; i < agents.size(); i++) {
                asAgent(agents.get(i))
                        .contentType("application/json")
                        .body(OutageReports.body("host-" + i, sequence))
                        .post("/agent/reports")
                        .then()
                        .statusCode(200);
            }
        }
    }

    private void subscribe() {
        try (JMSContext context = connections.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            context.setClientID(CLIENT_ID);
            context.createDurableConsumer(context.createTopic(MachineInventory.ADDRESS), SUBSCRIPTION)
                    .close();
        }
    }

    /** Drains the durable subscription: the expected number of messages, then nothing more. */
    private Map<UUID, List<Long>> receiveAll(int expected) throws Exception {
        Map<UUID, List<Long>> sequences = new LinkedHashMap<>();
        try (JMSContext context = connections.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            context.setClientID(CLIENT_ID);
            try (JMSConsumer consumer =
                    context.createDurableConsumer(context.createTopic(MachineInventory.ADDRESS), SUBSCRIPTION)) {
                for (int i = 0; i < expected; i++) {
                    TextMessage message = (TextMessage) consumer.receive(10_000);
                    if (message == null) {
                        fail("only " + i + " of " + expected + " reports arrived: " + sequences);
                    }
                    MachineInventory inventory = json.readValue(message.getText(), MachineInventory.class);
                    sequences
                            .computeIfAbsent(inventory.agentId(), id -> new ArrayList<>())
                            .add(inventory.sequence());
                }
                TextMessage extra = (TextMessage) consumer.receive(1_000);
                assertNull(extra, () -> "a report arrived more than expected: " + text(extra));
            }
            context.unsubscribe(SUBSCRIPTION);
        }
        return sequences;
    }

    private static void assertNoDuplicates(EnrolledAgent agent, List<Long> sequences) {
        Map<Long, Integer> counts = new HashMap<>();
        sequences.forEach(sequence -> counts.merge(sequence, 1, Integer::sum));
        counts.forEach((sequence, count) -> assertEquals(
                1, count, "report " + sequence + " of agent " + agent.id() + " arrived " + count + " times"));
    }

    private static String text(TextMessage message) {
        try {
            return message.getText();
        } catch (Exception e) {
            return String.valueOf(message);
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out after " + PATIENCE + " waiting until " + what);
            Thread.sleep(50);
        }
    }
}
