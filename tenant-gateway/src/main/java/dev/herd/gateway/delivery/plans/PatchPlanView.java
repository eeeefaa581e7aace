package dev.herd.gateway.delivery.plans;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** A patch plan and where it stands, as the API shows it to MSSP staff and the tenant's users. */
public record PatchPlanView(
        UUID planId,
        String tenantId,
        UUID agentId,
        String machineId,
        StoredPatchPlan.State state,
        Instant receivedAt,
        Instant doneAt,
        UUID outcomeId,
        JsonNode plan) {

    static PatchPlanView of(StoredPatchPlan p) {
        return new PatchPlanView(
                p.planId, p.tenantId, p.agentId, p.machineId, p.state, p.receivedAt, p.doneAt, p.outcomeId, p.body);
    }
}
