package dev.herd.gateway.agent;

import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.tenancy.CurrentCaller;
import dev.herd.contracts.tenancy.Roles;
import dev.herd.gateway.GatewayConfig;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Enrolled agents over HTTP: a gateway or customer user sees its own tenant's, MSSP staff see all. */
@Path("/api/agents")
@RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER, Roles.GATEWAY})
@Tag(name = "Agents")
public class AgentResource {

    private final AgentRepository agents;
    private final CurrentCaller caller;
    private final GatewayConfig config;

    public AgentResource(AgentRepository agents, CurrentCaller caller, GatewayConfig config) {
        this.agents = agents;
        this.caller = caller;
        this.config = config;
    }

    /** Agents in the caller's scope; with {@code overdue=true} only those silent for longer than the threshold. */
    @GET
    @Operation(summary = "List enrolled agents, or only overdue ones")
    public List<AgentView> list(@QueryParam("overdue") boolean overdue) {
        Optional<String> scope = caller.get().tenantScope();
        List<Agent> found = overdue
                ? agents.listOverdue(
                        scope, Instant.now().minus(config.liveness().overdueAfter()))
                : agents.listVisible(scope);
        return found.stream().map(AgentView::of).toList();
    }

    @GET
    @Operation(summary = "Show an enrolled agent")
    @Path("/{id}")
    public AgentView get(@PathParam("id") UUID id) {
        // Another tenant's agent is answered exactly like a missing one: its existence is not disclosed.
        return agents.findVisible(caller.get().tenantScope(), id)
                .map(AgentView::of)
                .orElseThrow(() -> HerdException.notFound("agent-not-found", "No agent " + id + "."));
    }
}
