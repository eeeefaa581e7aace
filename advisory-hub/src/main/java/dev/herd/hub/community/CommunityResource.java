package dev.herd.hub.community;

import dev.herd.contracts.tenancy.CurrentCaller;
import dev.herd.contracts.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Community advisories over HTTP: MSSP staff list them, MSSP admins revoke them. */
@Path("/api/community-advisories")
@Tag(name = "Community advisories")
public class CommunityResource {

    private final CommunityService service;
    private final CurrentCaller caller;

    public CommunityResource(CommunityService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List community advisories")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST})
    public List<CommunityAdvisoryView> list() {
        return service.list();
    }

    @POST
    @Operation(summary = "Revoke a community advisory")
    @APIResponse(
            responseCode = "200",
            description = "The advisory, revoked.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CommunityAdvisoryView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The advisory is revoked already, or comes from providers rather than damage reports.")
    @Path("/{id}/revoke")
    @RolesAllowed(Roles.MSSP_ADMIN)
    public CommunityAdvisoryView revoke(@PathParam("id") String id, @Valid @NotNull Revocation revocation) {
        return service.revoke(id, caller.get().subject(), revocation.reason());
    }
}
