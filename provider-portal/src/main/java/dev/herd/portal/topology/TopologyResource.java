package dev.herd.portal.topology;

import dev.herd.contracts.tenancy.CurrentCaller;
import dev.herd.contracts.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A tenant's topology: everyone of the tenant reads it, its admins and MSSP admins replace it. */
@Path("/api/tenants/{tenant}/topology")
@Tag(name = "Topology")
public class TopologyResource {

    private final TopologyRepository topologies;
    private final CurrentCaller caller;

    public TopologyResource(TopologyRepository topologies, CurrentCaller caller) {
        this.topologies = topologies;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Show a tenant's network topology")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
    public Topology get(@PathParam("tenant") String tenant) {
        caller.get().requireAccessTo(tenant);
        return topologies.of(tenant);
    }

    @PUT
    @Operation(summary = "Replace a tenant's network topology")
    @Transactional
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.TENANT_ADMIN})
    public Topology put(@PathParam("tenant") String tenant, @Valid @NotNull Topology topology) {
        caller.get().requireAccessTo(tenant);
        topology.check();
        topologies.save(tenant, topology, caller.get().subject());
        return topologies.of(tenant);
    }
}
