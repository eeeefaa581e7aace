package dev.herd.portal.audit;

import dev.herd.contracts.tenancy.CurrentCaller;
import dev.herd.contracts.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A tenant's network configuration files: permissions against the expected ones, and their change history. */
@Path("/api/tenants/{tenant}/config-files")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class ConfigFileResource {

    private final ConfigFileService files;
    private final CurrentCaller caller;

    public ConfigFileResource(ConfigFileService files, CurrentCaller caller) {
        this.files = files;
        this.caller = caller;
    }

    /** Page {@code page} (from 1) of {@code size} (1 to 200, default 50), of one machine by name when given. */
    @GET
    @Operation(summary = "List a tenant's network configuration files and their changes")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
    public AuditPage<ConfigFileView> list(
            @PathParam("tenant") String tenant,
            @QueryParam("page") String page,
            @QueryParam("size") String size,
            @QueryParam("machine") String machine) {
        return files.page(caller.get(), tenant, AuditQuery.of(page, size, machine));
    }
}
