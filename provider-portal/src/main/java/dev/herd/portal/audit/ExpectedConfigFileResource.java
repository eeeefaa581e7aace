package dev.herd.portal.audit;

import dev.herd.contracts.tenancy.CurrentCaller;
import dev.herd.contracts.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A tenant's expected configuration file permissions beyond the default table: the tenant reads, its admins set. */
@Path("/api/tenants/{tenant}/expected-config-files")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class ExpectedConfigFileResource {

    private final ExpectedConfigFileService expected;
    private final CurrentCaller caller;

    public ExpectedConfigFileResource(ExpectedConfigFileService expected, CurrentCaller caller) {
        this.expected = expected;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Show a tenant's expected configuration file permissions")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
    public ExpectedConfigFiles get(@PathParam("tenant") String tenant) {
        return expected.of(caller.get(), tenant);
    }

    @PUT
    @Operation(summary = "Set a tenant's expected configuration file permissions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.TENANT_ADMIN})
    public ExpectedConfigFiles put(@PathParam("tenant") String tenant, @Valid @NotNull ExpectedEntries request) {
        return expected.replace(caller.get(), tenant, request);
    }
}
