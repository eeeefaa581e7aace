package dev.herd.gateway.delivery;

import static dev.herd.gateway.delivery.DeliveryFixtures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herd.gateway.GatewayFixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code RetryPolicy.hold}: a message whose handler fails on the database is kept and tried again, more often than
 * the broker would redeliver it, and applied once when the failure stops; the messages behind it wait their turn.
 * One that keeps failing is set aside after its attempts.
 */
@QuarkusTest
class HeldMessageTest {

    @Inject
    GatewayFixtures fixtures;

    @Inject
    DeliveryFixtures delivery;

    @Inject
    HeldMessageHandler handler;

    @BeforeEach
    void clean() {
        fixtures.reset();
    }

    @Test
    void aMessageFailingOnTheDatabaseIsHeldAndAppliedOnceTheFailureStops() {
        String held = "held-" + UUID.randomUUID();
        String next = "next-" + UUID.randomUUID();
        handler.failWhile(held);
        delivery.publish(HeldMessageHandler.ADDRESS, held);
        delivery.publish(HeldMessageHandler.ADDRESS, next);

        await("the held message failed 12 times", () -> handler.tries(held) >= 12);
        assertEquals(0, handler.applied(held));
        assertEquals(0, handler.tries(next), "the next message waits behind the held one");

        handler.stopFailing(held);
        await("both are applied", () -> ledgered() == 2);
        assertEquals(1, handler.applied(held));
        assertEquals(1, handler.applied(next));
        assertEquals(0, fixtures.count("dead_letter WHERE consumer = '" + HeldMessageHandler.SUBSCRIPTION + "'"));
    }

    @Test
    void aMessageThatKeepsFailingGoesToTheDeadLettersAfterItsAttempts() {
        String stuck = "stuck-" + UUID.randomUUID();
        String next = "next-" + UUID.randomUUID();
        handler.failWhile(stuck);
        delivery.publish(HeldMessageHandler.ADDRESS, stuck);
        delivery.publish(HeldMessageHandler.ADDRESS, next);

        await("the next message is applied", () -> handler.applied(next) == 1);
        assertEquals(HeldMessageHandler.ATTEMPTS, handler.tries(stuck));
        assertEquals(0, handler.applied(stuck));
        assertEquals(
                1,
                fixtures.count("dead_letter WHERE consumer = '" + HeldMessageHandler.SUBSCRIPTION + "' AND payload = '"
                        + stuck + "' AND error LIKE 'failed " + HeldMessageHandler.ATTEMPTS + " times: %'"));
        handler.stopFailing(stuck);
    }

    private long ledgered() {
        return fixtures.count("consumed_message WHERE consumer = '" + HeldMessageHandler.SUBSCRIPTION + "'");
    }
}
