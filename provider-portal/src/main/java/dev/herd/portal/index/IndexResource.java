package dev.herd.portal.index;

import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.tenancy.CurrentCaller;
import dev.herd.contracts.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;

/** Vulnerability and risk indices: MSSP staff see every tenant's, tenant users only their own. */
@Path("/api")
public class IndexResource {

    private final IndexService indices;
    private final CurrentCaller caller;

    public IndexResource(IndexService indices, CurrentCaller caller) {
        this.indices = indices;
        this.caller = caller;
    }

    @GET
    @Path("/indices")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST})
    public List<TenantIndices> all() {
        return indices.all();
    }

    @GET
    @Path("/tenants/{tenant}/indices")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
    public TenantIndices of(@PathParam("tenant") String tenant) {
        caller.get().requireAccessTo(tenant);
        return indices.of(tenant)
                .orElseThrow(() -> HerdException.notFound("tenant-not-found", "There is no tenant '" + tenant + "'."));
    }
}
