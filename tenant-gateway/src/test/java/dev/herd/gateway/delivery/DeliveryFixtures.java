package dev.herd.gateway.delivery;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herd.contracts.delivery.PatchPlan;
import dev.herd.contracts.delivery.RuleBundle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** Test helpers: rule bundles and patch plans published on Artemis as the portal does, and waiting for their effect. */
@ApplicationScoped
public class DeliveryFixtures {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final ConnectionFactory connections;

    public DeliveryFixtures(ConnectionFactory connections) {
        this.connections = connections;
    }

    /** Sends the text to the multicast address, as the portal's outbox relay would. */
    public void publish(String address, String text) {
        try (JMSContext context = connections.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            context.createProducer().send(context.createTopic(address), text);
        }
    }

    /** Sends the texts to the multicast address in one broker transaction: they reach the consumer together. */
    public void publishTogether(String address, List<String> texts) {
        try (JMSContext context = connections.createContext(JMSContext.SESSION_TRANSACTED)) {
            texts.forEach(text -> context.createProducer().send(context.createTopic(address), text));
            context.commit();
        }
    }

    public void publishBundle(String tenant, long revision, String nftables) {
        publish(RuleBundle.ADDRESS, bundle(tenant, revision, nftables));
    }

    public void publishPlan(UUID planId, String tenant, UUID agentId, String machineId) {
        publish(PatchPlan.ADDRESS, plan(planId, tenant, agentId, machineId, "3.0.16-1~deb12u1"));
    }

    public static String bundle(String tenant, long revision, String nftables) {
        return """
                {"tenantId": "%s", "revision": %d, "generatedAt": "2026-11-21T08:00:00Z",
                 "rules": [{"number": 1, "advisoryId": "CVE-2024-0001", "action": "drop", "protocol": "tcp",
                            "port": 8443, "machines": ["web-01"]}],
                 "nftables": "%s", "suricata": "alert tcp any any -> any 8443 (msg:\\"%s\\"; sid:1;)"}
                """.formatted(tenant, revision, nftables, tenant);
    }

    public static String plan(UUID planId, String tenant, UUID agentId, String machineId, String target) {
        return """
                {"planId": "%s", "tenantId": "%s", "agentId": "%s", "machineId": "%s", "packageManager": "apt",
                 "steps": [{"order": 1, "packageName": "openssl", "installedVersion": "3.0.15-1~deb12u1",
                            "targetVersion": "%s"}],
                 "preChecks": [{"kind": "process", "target": "sshd"}],
                 "postChecks": [{"kind": "port", "target": "127.0.0.1:22"}],
                 "commands": ["apt-get install openssl=%s"], "advisories": ["CVE-2024-0001"],
                 "createdAt": "2026-11-21T08:00:00Z"}
                """.formatted(planId, tenant, agentId, machineId, target, target);
    }

    /** Waits until the condition holds, failing after a generous patience. */
    public static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out after " + PATIENCE + " waiting until " + what);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
