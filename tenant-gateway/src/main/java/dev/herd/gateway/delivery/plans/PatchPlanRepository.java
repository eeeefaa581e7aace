package dev.herd.gateway.delivery.plans;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Persistence of patch plans; every read takes the tenant and the agent, and never returns rejected plans. */
@ApplicationScoped
public class PatchPlanRepository implements PanacheRepositoryBase<StoredPatchPlan, UUID> {

    private static final Sort ORDER = Sort.by("receivedAt").and("planId");

    /** The agent's plans still to apply, oldest first. */
    public List<StoredPatchPlan> pending(String tenantId, UUID agentId) {
        return list(
                "tenantId = ?1 and agentId = ?2 and state = ?3",
                ORDER,
                tenantId,
                agentId,
                StoredPatchPlan.State.PENDING);
    }

    /** Every plan of the agent, oldest first, whatever its state (but rejected). */
    public List<StoredPatchPlan> ofAgent(String tenantId, UUID agentId) {
        return list(
                "tenantId = ?1 and agentId = ?2 and state <> ?3",
                ORDER,
                tenantId,
                agentId,
                StoredPatchPlan.State.REJECTED);
    }

    /** One plan of the agent; another agent's (or a rejected) plan is not found. */
    public Optional<StoredPatchPlan> findOfAgent(String tenantId, UUID agentId, UUID planId) {
        return find(
                        "planId = ?1 and tenantId = ?2 and agentId = ?3 and state <> ?4",
                        planId,
                        tenantId,
                        agentId,
                        StoredPatchPlan.State.REJECTED)
                .firstResultOptional();
    }
}
