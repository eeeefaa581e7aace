package dev.herd.portal.support;

import dev.herd.portal.diagnosis.StandingAdvisories;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Cleans the portal's diagnosis and protection tables and waits for consumers. */
@ApplicationScoped
public class PortalFixtures {

    private final EntityManager entityManager;
    private final StandingAdvisories standingAdvisories;

    public PortalFixtures(EntityManager entityManager, StandingAdvisories standingAdvisories) {
        this.entityManager = entityManager;
        this.standingAdvisories = standingAdvisories;
    }

    /**
     * Empties the tables. The webhook tables come last, in the order the webhook jobs lock them (an event's table, its
     * security_event, then webhook_delivery), so a job running meanwhile cannot deadlock with the TRUNCATE.
     */
    public void reset() {
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery(
                                "TRUNCATE finding_history, finding, sbom_component, sbom, package_set_member, package_set, machine_listening, machine, "
                                        + "advisory_package, advisory, consumed_message, dead_letter, tenant_policy, "
                                        + "outbox_message, rule_confirmation, rule_bundle, rule_bundle_state, published_rule, filter_rule_machine, "
                                        + "filter_rule, protection_counter, patch_plan, tenant_topology, damage_settings, "
                                        + "attack_indicator, detector_seen, machine_traffic, profile_verdict, damage_event, "
                                        + "isolation_order, damage_case, canary, interconnection, interconnection_enforced, "
                                        + "warning_reminder, tenant_warning, damage_case_history, watched_file, machine_evidence_seen, "
                                        + "machine_diagnosis, index_sample, prevention_queue, traffic_window, notification_read, "
                                        + "privileged_session, config_file, config_file_change, tenant_expected_config_file, "
                                        + "machine_equipment, equipment_violation, machine_admission, "
                                        + "security_event, webhook_delivery, webhook_attempt, webhook_endpoint")
                        .executeUpdate());
        standingAdvisories.reload();
    }

    /** Runs one SQL statement in a transaction of its own; the rows it changed. */
    public int execute(String sql) {
        return QuarkusTransaction.requiringNew()
                .call(() -> entityManager.createNativeQuery(sql).executeUpdate());
    }

    /** The one text value a query answers. */
    public String text(String sql) {
        return QuarkusTransaction.requiringNew()
                .call(() -> (String) entityManager.createNativeQuery(sql).getSingleResult());
    }

    public long count(String sql) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue());
    }

    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
