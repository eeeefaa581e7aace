package dev.herd.gateway.agent;

import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.tenancy.CurrentCaller;
import dev.herd.contracts.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;

/** Enrolled agents over HTTP: a gateway or customer user sees its own tenant's, MSSP staff see all. */
@Path("/api/agents")
@RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER, Roles.GATEWAY})
public class AgentResource {

    private final AgentRepository agents;
    private final CurrentCaller caller;

    public AgentResource(AgentRepository agents, CurrentCaller caller) {
        this.agents = agents;
        this.caller = caller;
    }

    @GET
    public List<AgentView> list() {
        return agents.listVisible(caller.get().tenantScope()).stream()
                .map(AgentView::of)
                .toList();
    }

    @GET
    @Path("/{id}")
    public AgentView get(@PathParam("id") UUID id) {
        // Another tenant's agent is answered exactly like a missing one: its existence is not disclosed.
        return agents.findVisible(caller.get().tenantScope(), id)
                .map(AgentView::of)
                .orElseThrow(() -> HerdException.notFound("agent-not-found", "No agent " + id + "."));
    }
}
