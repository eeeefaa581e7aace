package dev.herd.gateway.report;

import static dev.herd.gateway.GatewayFixtures.acmeGateway;
import static dev.herd.gateway.GatewayFixtures.asAgent;
import static dev.herd.gateway.GatewayFixtures.enrol;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.inventory.MachineInventory;
import dev.herd.contracts.outbox.OutboxRelay;
import dev.herd.gateway.GatewayFixtures;
import dev.herd.gateway.GatewayFixtures.EnrolledAgent;
import dev.herd.testing.EmbeddedArtemisResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.TextMessage;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox relay sends right after the commit that enqueued a message: with its scheduled run an hour apart, an
 * accepted report still reaches Artemis within seconds, and nothing stays pending.
 */
@QuarkusTest
@TestProfile(RelayAfterCommitTest.HourlyRelay.class)
class RelayAfterCommitTest {

    /** The inventories the reports became (a first report with hardware also sends the machine's equipment). */
    private static final String INVENTORIES = "address = '" + MachineInventory.ADDRESS + "'";

    /** A relay whose schedule alone would send nothing during the test. */
    public static class HourlyRelay implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("herd.outbox.interval", "1h");
        }
    }

    @Inject
    GatewayFixtures fixtures;

    @Inject
    ConnectionFactory connections;

    @Inject
    ObjectMapper json;

    @Inject
    OutboxRelay relay;

    @BeforeEach
    void clean() {
        fixtures.reset();
    }

    @Test
    void anAcceptedReportIsRelayedAfterItsCommitWithoutWaitingForTheSchedule() throws Exception {
        EnrolledAgent agent = enrol(acmeGateway(), "web-01");
        try (JMSContext context = connections.createContext(JMSContext.AUTO_ACKNOWLEDGE);
                JMSConsumer consumer = context.createConsumer(context.createTopic(MachineInventory.ADDRESS))) {
            long sent = System.nanoTime();
            asAgent(agent)
                    .contentType("application/json")
                    .body(Reports.full(1))
                    .post("/agent/reports")
                    .then()
                    .statusCode(200);

            TextMessage message = (TextMessage) consumer.receive(10_000);
            long millis = (System.nanoTime() - sent) / 1_000_000;

            assertNotNull(message, "the report was not relayed within 10 s of an hourly schedule");
            assertEquals(
                    1, json.readValue(message.getText(), MachineInventory.class).sequence());
            assertTrue(millis < 10_000, "relayed after " + millis + " ms");
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (fixtures.count("outbox_message WHERE sent_at IS NULL") > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(0L, fixtures.count("outbox_message WHERE sent_at IS NULL"), "nothing left pending");
        }
    }

    @Test
    void theRelayKeepsOneBrokerConnectionFromRunToRun() throws Exception {
        EnrolledAgent agent = enrol(acmeGateway(), "web-01");
        postAndAwaitRelayed(agent, Reports.full(1)); // the relay's connection is open from here on
        long before = EmbeddedArtemisResource.connectionsOpened();
        for (int sequence = 2; sequence <= 6; sequence++) {
            postAndAwaitRelayed(agent, Reports.delta(sequence)); // one run after each commit
        }
        assertEquals(6, fixtures.count("outbox_message WHERE sent_at IS NOT NULL AND " + INVENTORIES));
        assertEquals(
                before,
                EmbeddedArtemisResource.connectionsOpened(),
                "five relay runs opened connections to the broker instead of using the one open");
    }

    private void postAndAwaitRelayed(EnrolledAgent agent, String report) throws InterruptedException {
        asAgent(agent)
                .contentType("application/json")
                .body(report)
                .post("/agent/reports")
                .then()
                .statusCode(200);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (fixtures.count("outbox_message WHERE sent_at IS NULL") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0L, fixtures.count("outbox_message WHERE sent_at IS NULL"), "relayed within 10 s");
    }

    @Test
    void sentMessagesAreDeletedAfterTheirKeepTimeAndPendingOnesStay() throws Exception {
        EnrolledAgent agent = enrol(acmeGateway(), "web-01");
        for (int sequence = 1; sequence <= 3; sequence++) {
            String body = sequence == 1 ? Reports.full(1) : Reports.delta(sequence);
            asAgent(agent)
                    .contentType("application/json")
                    .body(body)
                    .post("/agent/reports")
                    .then()
                    .statusCode(200);
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (fixtures.count("outbox_message WHERE sent_at IS NULL") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(
                3, fixtures.count("outbox_message WHERE sent_at IS NOT NULL AND " + INVENTORIES), "all three sent");
        // Two sent long ago, one just now; and one still pending however old.
        fixtures.execute("UPDATE outbox_message SET sent_at = now() - interval '2 minutes', "
                + "created_at = now() - interval '2 minutes' WHERE id IN "
                + "(SELECT id FROM outbox_message WHERE " + INVENTORIES + " ORDER BY created_at LIMIT 2)");
        fixtures.execute("INSERT INTO outbox_message (id, address, message_key, payload, created_at, attempts) "
                + "VALUES (gen_random_uuid(), 'herd.test', 'k', '{}', now() - interval '1 hour', 3)");

        relay.purgeSent();

        assertEquals(
                1,
                fixtures.count("outbox_message WHERE sent_at IS NOT NULL AND " + INVENTORIES),
                "the recent one stays");
        assertEquals(1, fixtures.count("outbox_message WHERE sent_at IS NULL"), "pending is never purged");
    }
}
