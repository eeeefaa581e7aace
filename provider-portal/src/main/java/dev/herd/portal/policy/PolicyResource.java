package dev.herd.portal.policy;

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

/** A tenant's filtering and patch policy: everyone of the tenant reads it, its admins and MSSP admins change it. */
@Path("/api/tenants/{tenant}/policy")
@Tag(name = "Policy")
public class PolicyResource {

    private final PolicyRepository policies;
    private final CurrentCaller caller;

    public PolicyResource(PolicyRepository policies, CurrentCaller caller) {
        this.policies = policies;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Show a tenant's filtering and patch policy")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
    public TenantPolicy get(@PathParam("tenant") String tenant) {
        caller.get().requireAccessTo(tenant);
        return policies.of(tenant);
    }

    @PUT
    @Operation(summary = "Change a tenant's filtering and patch policy")
    @Transactional
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.TENANT_ADMIN})
    public TenantPolicy put(@PathParam("tenant") String tenant, @Valid @NotNull TenantPolicy policy) {
        caller.get().requireAccessTo(tenant);
        policies.save(tenant, policy, caller.get().subject());
        return policies.of(tenant);
    }
}
