package dev.herd.portal.subscription;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herd.portal.support.PortalFixtures;
import dev.herd.testing.EmbeddedArtemisResource;
import dev.herd.testing.Messages;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A consumer killed by an {@link Error} is never silent: readiness goes DOWN naming its subscription, the consumer is
 * restarted, readiness comes back UP and the message that killed it is redelivered and applied.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class SubscriptionHealthTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final String FAILING = FailingOnceHandler.SUBSCRIPTION;

    @Inject
    ConnectionFactory connections;

    @Inject
    FailingOnceHandler handler;

    @Inject
    PortalFixtures fixtures;

    @Test
    void aConsumerKilledByAnErrorIsReportedRestartedAndItsMessageApplied() {
        PortalFixtures.await(
                "every subscription consuming", WITHIN, () -> readiness().up());
        assertEquals("consuming", readiness().subscription("portal-evidence"));

        String payload = FailingOnceHandler.FATAL + UUID.randomUUID();
        String messageId = UUID.randomUUID().toString();
        Messages.sendWithId(connections, FailingOnceHandler.ADDRESS, payload, messageId);

        Readiness down = awaitDown();
        assertEquals("DOWN", down.body().getString(Readiness.CHECK + ".status"));
        assertTrue(
                down.subscription(FAILING).startsWith("restarting after OutOfMemoryError: injected for " + payload),
                "readiness names the subscription and why it restarts; got "
                        + down.body().prettify());
        assertEquals("consuming", down.subscription("portal-evidence"), "the other subscriptions still consume");
        assertTrue(handler.failedOn(payload));

        PortalFixtures.await(
                "the subscription restarted, readiness UP again",
                WITHIN,
                () -> readiness().up());
        assertEquals("consuming", readiness().subscription(FAILING));
        PortalFixtures.await("the message redelivered and applied", WITHIN, () -> handler.applied(payload));
        PortalFixtures.await(
                "the message recorded as consumed",
                WITHIN,
                () -> fixtures.count("SELECT count(*) FROM consumed_message WHERE consumer = '" + FAILING
                                + "' AND message_id = '" + messageId + "'")
                        == 1);
    }

    /** Polls readiness closely, since the restart pause is short, until it is DOWN. */
    private static Readiness awaitDown() {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            Readiness readiness = readiness();
            if (!readiness.up()) {
                return readiness;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for readiness DOWN");
            }
        }
        throw new AssertionError("readiness never went DOWN within " + WITHIN);
    }

    private static Readiness readiness() {
        Response response = given().get("/q/health/ready");
        return new Readiness(response.statusCode(), response.jsonPath());
    }

    /** One answer of {@code /q/health/ready}. */
    private record Readiness(int status, JsonPath body) {

        static final String CHECK = "checks.find { it.name == 'subscriptions' }";

        boolean up() {
            return status == 200;
        }

        /** What the {@code subscriptions} check says of one subscription. */
        String subscription(String name) {
            return body.getString(CHECK + ".data.'" + name + "'");
        }
    }
}
