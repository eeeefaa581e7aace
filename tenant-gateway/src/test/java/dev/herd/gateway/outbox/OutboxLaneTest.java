package dev.herd.gateway.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herd.contracts.damage.DamageReport;
import dev.herd.contracts.delivery.RuleBundle;
import dev.herd.contracts.inventory.MachineInventory;
import dev.herd.contracts.monitor.MonitorRecords;
import dev.herd.contracts.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Messages on the path from damage to prevention leave the outbox before the others, however many others wait, and
 * each lane keeps the order its messages were written in.
 */
@QuarkusTest
class OutboxLaneTest {

    @Inject
    Outbox outbox;

    @Test
    void damageAndMonitorMessagesLeaveFirstAndEachLaneKeepsItsOrder() {
        List<String> order;
        QuarkusTransaction.begin();
        try {
            outbox.enqueue(RuleBundle.ADDRESS, "acme", Map.of("n", "bundle 1"));
            outbox.enqueue(MachineInventory.ADDRESS, "m1", Map.of("n", "inventory 1"));
            outbox.enqueue(MonitorRecords.ADDRESS, "acme", Map.of("n", "monitor 1"));
            outbox.enqueue(RuleBundle.ADDRESS, "acme", Map.of("n", "bundle 2"));
            outbox.enqueue(DamageReport.ADDRESS, "acme", Map.of("n", "damage 1"));
            outbox.enqueue(MonitorRecords.ADDRESS, "acme", Map.of("n", "monitor 2"));
            order = outbox.pending(10).stream().map(message -> message.payload).toList();
        } finally {
            QuarkusTransaction.rollback(); // the relay never sees them
        }
        assertEquals(
                List.of(
                        "{\"n\":\"monitor 1\"}",
                        "{\"n\":\"damage 1\"}",
                        "{\"n\":\"monitor 2\"}",
                        "{\"n\":\"bundle 1\"}",
                        "{\"n\":\"inventory 1\"}",
                        "{\"n\":\"bundle 2\"}"),
                order);
    }
}
