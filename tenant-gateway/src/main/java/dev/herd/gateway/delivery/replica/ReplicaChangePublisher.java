package dev.herd.gateway.delivery.replica;

import dev.herd.gateway.delivery.plans.PatchPlanChanges;
import dev.herd.gateway.delivery.rules.RuleBundleChanges;
import dev.herd.gateway.recovery.RecoveryTaskChanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Tells the other gateway replicas of each change that long-polls wait for: a PostgreSQL {@code NOTIFY} on {@value
 * #CHANNEL}, issued inside the changing transaction, so PostgreSQL delivers it when (and only if) that transaction
 * commits. This replica's own long-polls are woken by the changes' after-commit observers, not by the notification.
 */
@ApplicationScoped
public class ReplicaChangePublisher {

    /** The notification channel every gateway replica listens on. */
    public static final String CHANNEL = "herd_gateway_changes";

    private final EntityManager entities;
    private final ReplicaIdentity identity;

    public ReplicaChangePublisher(EntityManager entities, ReplicaIdentity identity) {
        this.entities = entities;
        this.identity = identity;
    }

    void onRuleBundles(@Observes RuleBundleChanges.Stored stored) {
        notifyAll(stored.revisions().keySet().stream()
                .map(tenant -> change(ReplicaChange.Kind.RULE_BUNDLE, tenant))
                .toList());
    }

    void onPatchPlans(@Observes PatchPlanChanges.Changed changed) {
        notifyAll(
                List.of(change(ReplicaChange.Kind.PATCH_PLANS, changed.agentId().toString())));
    }

    void onRecoveryTasks(@Observes RecoveryTaskChanges.Changed changed) {
        notifyAll(List.of(
                change(ReplicaChange.Kind.RECOVERY_TASKS, changed.agentId().toString()),
                change(ReplicaChange.Kind.RECOVERY_RESULT, changed.taskId().toString())));
    }

    private ReplicaChange change(ReplicaChange.Kind kind, String key) {
        return new ReplicaChange(identity.id(), kind, key);
    }

    private void notifyAll(List<ReplicaChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        String[] payloads = changes.stream().map(ReplicaChange::payload).toArray(String[]::new);
        entities.createNativeQuery("SELECT count(pg_notify(:channel, p)) FROM unnest(cast(:payloads AS text[])) p")
                .setParameter("channel", CHANNEL)
                .setParameter("payloads", payloads)
                .getSingleResult();
    }
}
