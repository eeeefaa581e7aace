package dev.herd.portal.machine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.inventory.MachineInventory;
import dev.herd.portal.support.DebianSample;
import dev.herd.portal.support.PortalFixtures;
import dev.herd.testing.EmbeddedArtemisResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A burst of one tenant's inventories does not hold up every other tenant's (DESIGN §4, ADR 12). The gateway groups
 * what it forwards by tenant ({@code JMSXGroupID}, as its outbox relay sets it from the message key): Artemis binds
 * acme's group to one of the two inventory consumers, and hands each new group to the consumers in turn, so the
 * tenants whose group lands on the other consumer go past the burst. Which consumer a new group lands on is the
 * broker's round robin, not something a test can choose: eight quiet tenants follow the burst, and at least one of
 * them must be applied before half of it (keyed by machine, the burst spread over both consumers and every quiet
 * tenant waited behind nearly all of it). Told by state: the ledger's {@code consumed_at} of each message, not by the
 * clock of the test.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class TenantFairnessTest {

    private static final int BURST = 300;
    private static final int QUIET_TENANTS = 8;

    @Inject
    ConnectionFactory connections;

    @Inject
    ObjectMapper json;

    @Inject
    PortalFixtures fixtures;

    @BeforeEach
    void clean() {
        fixtures.reset();
    }

    @Test
    void anotherTenantsInventoryGoesPastOneTenantsBurst() throws Exception {
        // Tenants new to the broker: Artemis keeps a group bound to the consumer that first took it for as long as
        // that consumer lives, so acme and globex may both be bound to one consumer by earlier tests in this broker.
        String run = Long.toString(System.nanoTime() % 1_000_000_000L);
        String noisy = "burst-" + run;
        try (JMSContext context = connections.createContext(JMSContext.SESSION_TRANSACTED)) {
            JMSProducer producer = context.createProducer();
            for (int i = 1; i <= BURST; i++) {
                send(context, producer, noisy, "acme-burst-" + run + "-" + i, inventory(noisy, noisy + "-" + i));
            }
            for (int q = 1; q <= QUIET_TENANTS; q++) {
                String quiet = "quiet-" + q + "-" + run;
                send(context, producer, quiet, "quiet-" + run + "-" + q, inventory(quiet, quiet + "-1"));
            }
            context.commit();
        }
        PortalFixtures.await(
                "every inventory applied",
                Duration.ofSeconds(180),
                () -> fixtures.count("SELECT count(*) FROM machine") == BURST + QUIET_TENANTS);
        long mostPassed = 0;
        for (int q = 1; q <= QUIET_TENANTS; q++) {
            long acmeAfter = fixtures.count("SELECT count(*) FROM consumed_message a WHERE a.consumer = "
                    + "'portal-inventories' AND a.message_id LIKE 'acme-burst-" + run + "-%' AND a.consumed_at > "
                    + "(SELECT consumed_at FROM consumed_message WHERE consumer = 'portal-inventories' AND message_id = "
                    + "'quiet-" + run + "-" + q + "')");
            System.out.printf(
                    "TenantFairnessTest: quiet tenant %d went past %d of acme's %d inventories%n", q, acmeAfter, BURST);
            mostPassed = Math.max(mostPassed, acmeAfter);
        }
        assertTrue(
                mostPassed >= BURST / 2,
                "every quiet tenant waited behind acme's burst: the best went past only " + mostPassed + " of "
                        + BURST);
    }

    /** As the gateway's outbox relay sends: the outbox id as duplicate id, the message key (the tenant) as group. */
    private void send(JMSContext context, JMSProducer producer, String tenant, String id, MachineInventory inventory)
            throws Exception {
        TextMessage text = context.createTextMessage(json.writeValueAsString(inventory));
        text.setStringProperty("_AMQ_DUPL_ID", id);
        text.setStringProperty("herd_key", tenant);
        text.setStringProperty("JMSXGroupID", tenant);
        producer.send(context.createTopic(MachineInventory.ADDRESS), text);
    }

    private static MachineInventory inventory(String tenant, String name) {
        return new MachineInventory(
                tenant,
                DebianSample.machineId(tenant, name),
                name,
                name,
                "debian",
                "12",
                "amd64",
                1,
                MachineInventory.Kind.FULL,
                List.of(new MachineInventory.PackageRef("bash", "5.2.15-2+b2", "amd64", "bash", "5.2.15-2")),
                List.of(),
                List.of(new MachineInventory.ListeningPort("tcp", "0.0.0.0", 443)),
                List.of("10.0.0.1"),
                Instant.now());
    }
}
