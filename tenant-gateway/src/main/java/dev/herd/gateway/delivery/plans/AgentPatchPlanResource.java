package dev.herd.gateway.delivery.plans;

import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.tenancy.CurrentCaller;
import dev.herd.contracts.tenancy.Roles;
import dev.herd.gateway.agent.Agent;
import dev.herd.gateway.agent.AgentRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/agents/{agentId}/patch-plans}: an agent's plans and their state, for its tenant and MSSP staff. */
@Path("/api/agents/{agentId}/patch-plans")
@RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER, Roles.GATEWAY})
@Tag(name = "Patch plans")
public class AgentPatchPlanResource {

    private final AgentRepository agents;
    private final PatchPlanRepository plans;
    private final CurrentCaller caller;

    public AgentPatchPlanResource(AgentRepository agents, PatchPlanRepository plans, CurrentCaller caller) {
        this.agents = agents;
        this.plans = plans;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List an agent's patch plans and their state")
    public List<PatchPlanView> list(@PathParam("agentId") UUID agentId) {
        // Another tenant's agent is answered exactly like a missing one.
        Agent agent = agents.findVisible(caller.get().tenantScope(), agentId)
                .orElseThrow(() -> HerdException.notFound("agent-not-found", "No agent " + agentId + "."));
        return plans.ofAgent(agent.tenantId, agent.id).stream()
                .map(PatchPlanView::of)
                .toList();
    }
}
