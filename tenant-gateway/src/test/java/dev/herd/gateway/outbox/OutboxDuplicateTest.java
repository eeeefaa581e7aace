package dev.herd.gateway.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import jakarta.persistence.EntityManager;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A batch the broker committed although the relay never heard so (the broker went away before it answered): sent again,
 * Artemis refuses the whole transaction for its duplicates. The relay then sends one message a transaction and counts
 * those the broker holds as sent, so the outbox drains instead of retrying the batch for ever, and nothing arrives twice.
 */
@QuarkusTest
class OutboxDuplicateTest {

    private static final String ADDRESS = "herd.test.outbox-duplicates";

    @Inject
    GatewayFixtures fixtures;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    ConnectionFactory connections;

    @Inject
    EntityManager entities;

    @BeforeEach
    void clean() {
        fixtures.reset();
    }

    @Test
    void aBatchTheBrokerAlreadyHoldsIsMarkedSentAndNotDeliveredTwice() {
        try (JMSContext context = connections.createContext(JMSContext.AUTO_ACKNOWLEDGE);
                JMSConsumer consumer = context.createConsumer(context.createTopic(ADDRESS))) {
            QuarkusTransaction.requiringNew().run(() -> {
                outbox.enqueue(ADDRESS, "acme", Map.of("n", 1));
                outbox.enqueue(ADDRESS, "acme", Map.of("n", 2));
            });
            DeliveryFixtures.await("both sent", () -> outbox.pendingCount() == 0);
            assertNotNull(consumer.receive(10_000));
            assertNotNull(consumer.receive(10_000));
            // The marking is lost: as if the broker went away after its commit and before its answer.
            QuarkusTransaction.requiringNew()
                    .run(() -> entities.createNativeQuery("UPDATE outbox_message SET sent_at = NULL")
                            .executeUpdate());
            QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(ADDRESS, "acme", Map.of("n", 3)));

            DeliveryFixtures.await("the outbox drains", () -> {
                relay.sendBatch();
                return outbox.pendingCount() == 0;
            });

            assertEquals("{\"n\":3}", consumer.receiveBody(String.class, 10_000), "only the new message arrives");
            assertNull(consumer.receive(1_000), "nothing arrives twice");
        }
    }
}
