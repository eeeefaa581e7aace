package dev.herd.gateway.recovery;

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

/** {@code GET /api/agents/{agentId}/recovery-tasks}: an agent's recovery tasks and results, for its tenant and MSSP staff. */
@Path("/api/agents/{agentId}/recovery-tasks")
@RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER, Roles.GATEWAY})
@Tag(name = "Recovery tasks")
public class AgentRecoveryTaskResource {

    private final AgentRepository agents;
    private final RecoveryTaskRepository tasks;
    private final CurrentCaller caller;

    public AgentRecoveryTaskResource(AgentRepository agents, RecoveryTaskRepository tasks, CurrentCaller caller) {
        this.agents = agents;
        this.tasks = tasks;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List an agent's recovery tasks and results")
    public List<RecoveryTaskView> list(@PathParam("agentId") UUID agentId) {
        // Another tenant's agent is answered exactly like a missing one.
        Agent agent = agents.findVisible(caller.get().tenantScope(), agentId)
                .orElseThrow(() -> HerdException.notFound("agent-not-found", "No agent " + agentId + "."));
        return tasks.ofAgent(agent.tenantId, agent.id).stream()
                .map(RecoveryTaskView::of)
                .toList();
    }
}
