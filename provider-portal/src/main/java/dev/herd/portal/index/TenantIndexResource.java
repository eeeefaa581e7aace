package dev.herd.portal.index;

import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.tenancy.CurrentCaller;
import dev.herd.contracts.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One tenant's indices, with deviation scores across all tenants: tenant users read only their own. */
@Path("/api/tenants/{tenant}/indices")
@Tag(name = "Indices")
public class TenantIndexResource {

    private final IndexService indices;
    private final CurrentCaller caller;

    public TenantIndexResource(IndexService indices, CurrentCaller caller) {
        this.indices = indices;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Show a tenant's vulnerability and risk indices")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
    public TenantIndices of(@PathParam("tenant") String tenant) {
        caller.get().requireAccessTo(tenant);
        return indices.of(tenant)
                .orElseThrow(() -> HerdException.notFound("tenant-not-found", "There is no tenant '" + tenant + "'."));
    }
}
