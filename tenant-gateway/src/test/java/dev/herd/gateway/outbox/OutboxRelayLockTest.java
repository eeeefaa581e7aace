package dev.herd.gateway.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.herd.contracts.outbox.Outbox;
import dev.herd.contracts.outbox.OutboxRelay;
import dev.herd.gateway.GatewayFixtures;
import dev.herd.gateway.delivery.DeliveryFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One relay of a service sends at a time across its replicas: while another instance holds the schema's relay lock,
 * this one sends nothing (the messages stay pending, unsent twice to two broker nodes); once it is released, they go.
 */
@QuarkusTest
class OutboxRelayLockTest {

    private static final String ADDRESS = "herd.test.outbox-relay-lock";

    @Inject
    GatewayFixtures fixtures;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    ConnectionFactory connections;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @BeforeEach
    void clean() {
        fixtures.reset();
    }

    @Test
    void anotherInstanceRelayingHoldsThisOneBackUntilItIsDone() throws Exception {
        try (JMSContext context = connections.createContext(JMSContext.AUTO_ACKNOWLEDGE);
                JMSConsumer consumer = context.createConsumer(context.createTopic(ADDRESS));
                Connection otherInstance = DriverManager.getConnection(url, user, password)) {
            try (Statement lock = otherInstance.createStatement()) {
                lock.execute("SELECT pg_advisory_lock(hashtext('gateway.outbox-relay'))");
            }
            QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(ADDRESS, "acme", Map.of("n", 1)));
            for (int i = 0; i < 3; i++) {
                assertEquals(0, relay.sendBatch(), "the other instance is relaying");
            }
            assertEquals(1, outbox.pendingCount(), "nothing was marked sent");
            assertNull(consumer.receive(1_000), "nothing reached the broker");

            try (Statement unlock = otherInstance.createStatement()) {
                unlock.execute("SELECT pg_advisory_unlock(hashtext('gateway.outbox-relay'))");
            }
            DeliveryFixtures.await("the outbox drains", () -> {
                relay.sendBatch();
                return outbox.pendingCount() == 0;
            });
            assertEquals("{\"n\":1}", consumer.receiveBody(String.class, 10_000));
            assertNull(consumer.receive(1_000), "sent once");
        }
    }
}
