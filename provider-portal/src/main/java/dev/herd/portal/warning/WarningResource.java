package dev.herd.portal.warning;

import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.tenancy.CurrentCaller;
import dev.herd.contracts.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A tenant's warnings of anomalies other tenants reported, and the acknowledgement that one was applied. */
@Path("/api/tenants/{tenant}/warnings")
@Tag(name = "Warnings")
public class WarningResource {

    /** The acknowledgement's body: an optional note on what was done. */
    public record Applied(@Size(max = 2000) String note) {}

    private final WarningService service;
    private final CurrentCaller caller;

    public WarningResource(WarningService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List a tenant's warnings from other tenants")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
    public List<Warning> list(@PathParam("tenant") String tenant, @QueryParam("state") String state) {
        caller.get().requireAccessTo(tenant);
        return service.ofTenant(tenant, WarningState.parse(state));
    }

    @POST
    @Operation(summary = "Acknowledge that a warning was applied")
    @APIResponse(
            responseCode = "200",
            description = "The warning, applied.",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Warning.class)))
    @APIResponse(responseCode = "409", description = "The warning was applied already.")
    @Path("/{id}/applied")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN})
    public Warning applied(@PathParam("tenant") String tenant, @PathParam("id") String id, @Valid Applied body) {
        caller.get().requireAccessTo(tenant);
        String note = body == null || body.note() == null ? null : body.note().strip();
        return service.acknowledge(tenant, id(tenant, id), caller.get().subject(), note, Instant.now());
    }

    private static UUID id(String tenant, String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw HerdException.notFound("warning-not-found", "Tenant '" + tenant + "' has no warning " + id + ".");
        }
    }
}
