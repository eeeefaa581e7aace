package dev.herd.hub.advisory;

import static dev.herd.hub.HubFixtures.OSV_PROVIDER;
import static dev.herd.hub.HubFixtures.pushFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.advisory.AdvisoryChanged;
import dev.herd.contracts.outbox.Outbox;
import dev.herd.contracts.outbox.OutboxRelay;
import dev.herd.hub.HubFixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.TextMessage;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Accepted advisories reach Artemis through the outbox, once each, with the packages they touch. */
@QuarkusTest
class AdvisoryPublishingTest {

    @Inject
    HubFixtures fixtures;

    @Inject
    ConnectionFactory connections;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    ObjectMapper json;

    @BeforeEach
    void clean() {
        fixtures.resetWithProviders();
    }

    @Test
    void anAcceptedAdvisoryIsPublishedAfterCommit() throws Exception {
        try (JMSContext context = connections.createContext(JMSContext.AUTO_ACKNOWLEDGE);
                JMSConsumer consumer = context.createConsumer(context.createTopic(AdvisoryChanged.ADDRESS))) {
            pushFor(OSV_PROVIDER, """
                            {"id":"OSV-PUB-1","modified":"2026-01-01T00:00:00Z","aliases":["CVE-2026-3333"],
                             "affected":[{"package":{"ecosystem":"Debian:12","name":"nginx"},
                               "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.2-1"}]}]}]}
                            """).then().statusCode(200);
            relay.sendBatch();

            TextMessage message = (TextMessage) consumer.receive(10_000);
            assertNotNull(message, "no message on " + AdvisoryChanged.ADDRESS);
            AdvisoryChanged changed = json.readValue(message.getText(), AdvisoryChanged.class);
            assertEquals("CVE-2026-3333", changed.advisoryId());
            assertEquals(AdvisoryChanged.Change.CREATED, changed.change());
            assertNotNull(changed.changedAt(), "when the hub changed it, to order announcements of one advisory");
            assertTrue(changed.actionable());
            assertEquals(
                    new AdvisoryChanged.PackageRef("Debian:12", "nginx"),
                    changed.packages().get(0));
            assertTrue(changed.aliases().contains("OSV-PUB-1"), "aliases " + changed.aliases());
            AdvisoryChanged.Affected affected = changed.affected().get(0);
            assertEquals("OSV-PUB-1", affected.sourceDocument());
            assertEquals(
                    new AdvisoryChanged.Event(null, "1.2-1", null, null),
                    affected.ranges().get(0).events().get(1));
            assertEquals(0, outbox.pendingCount());
        }
    }

    @Test
    void theModificationTimeIsAnnouncedAsStoredToTheMicrosecond() throws Exception {
        try (JMSContext context = connections.createContext(JMSContext.AUTO_ACKNOWLEDGE);
                JMSConsumer consumer = context.createConsumer(context.createTopic(AdvisoryChanged.ADDRESS))) {
            pushFor(OSV_PROVIDER, """
                            {"id":"OSV-PUB-2","modified":"2026-01-01T00:00:00.123456789Z",
                             "affected":[{"package":{"ecosystem":"Debian:12","name":"nginx"},
                               "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.2-1"}]}]}]}
                            """).then().statusCode(200);
            relay.sendBatch();

            TextMessage message = (TextMessage) consumer.receive(10_000);
            assertNotNull(message, "no message on " + AdvisoryChanged.ADDRESS);
            AdvisoryChanged changed = json.readValue(message.getText(), AdvisoryChanged.class);
            assertEquals(Instant.parse("2026-01-01T00:00:00.123456Z"), changed.modifiedAt());
        }
    }

    @Test
    void aRejectedDocumentPublishesNothing() {
        pushFor(OSV_PROVIDER, "{\"id\":\"BAD\",\"modified\":\"never\"}").then().statusCode(200);
        assertEquals(0, fixtures.count("outbox_message"));
    }
}
