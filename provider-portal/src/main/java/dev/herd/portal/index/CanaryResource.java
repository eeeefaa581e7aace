package dev.herd.portal.index;

import dev.herd.contracts.tenancy.CurrentCaller;
import dev.herd.contracts.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Canary checks of a tenant: registering one hands out the test signature a scanner is to send; a flow carrying it
 * marks the check seen. Canary traffic never counts as an attack.
 */
@Path("/api/tenants/{tenant}/canary")
@Tag(name = "Canary checks")
public class CanaryResource {

    private final CanaryRepository canaries;
    private final CurrentCaller caller;

    public CanaryResource(CanaryRepository canaries, CurrentCaller caller) {
        this.canaries = canaries;
        this.caller = caller;
    }

    /** Which scanner will send the canary (optional). */
    public record CanaryRequest(@Size(max = 200) String scanner) {}

    @POST
    @Operation(summary = "Register a canary check and get its test signature")
    @APIResponse(
            responseCode = "201",
            description = "The canary check with its test signature.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Canary.class)))
    @Transactional
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.TENANT_ADMIN})
    public Response register(@PathParam("tenant") String tenant, @Valid CanaryRequest request) {
        caller.get().requireAccessTo(tenant);
        Canary canary = canaries.register(
                tenant, request == null ? null : request.scanner(), caller.get().subject());
        return Response.status(201).entity(canary).build();
    }

    @GET
    @Operation(summary = "List a tenant's canary checks")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
    public List<Canary> list(@PathParam("tenant") String tenant) {
        caller.get().requireAccessTo(tenant);
        return canaries.list(tenant);
    }
}
