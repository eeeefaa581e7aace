package dev.herd.hub.provider;

import dev.herd.contracts.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Advisory providers over HTTP: MSSP staff read them, MSSP admins register them. */
@Path("/api/providers")
@Tag(name = "Providers")
public class ProviderResource {

    private final ProviderService service;

    public ProviderResource(ProviderService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "List advisory providers")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST})
    public List<ProviderView> list() {
        return service.list();
    }

    @GET
    @Operation(summary = "Show an advisory provider")
    @Path("/{id}")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST})
    public ProviderView get(@PathParam("id") String id) {
        return service.get(id);
    }

    @POST
    @Operation(summary = "Register an advisory provider")
    @APIResponse(
            responseCode = "201",
            description = "The provider registered; Location names it.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProviderView.class)))
    @APIResponse(responseCode = "409", description = "A provider with this id exists already.")
    @RolesAllowed(Roles.MSSP_ADMIN)
    public Response register(@Valid @NotNull NewProvider request) {
        ProviderView created = service.register(request);
        return Response.created(URI.create("/api/providers/" + created.id()))
                .entity(created)
                .build();
    }
}
