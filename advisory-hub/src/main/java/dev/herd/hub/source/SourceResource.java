package dev.herd.hub.source;

import dev.herd.contracts.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
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

/** Pull sources over HTTP, for MSSP admins: add, show with the status of their pulls, pull now, remove. */
@Path("/api/sources")
@RolesAllowed(Roles.MSSP_ADMIN)
@Tag(name = "Pull sources")
public class SourceResource {

    private final SourceService service;

    public SourceResource(SourceService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "List pull sources with the status of their pulls")
    public List<SourceView> list() {
        return service.list();
    }

    @GET
    @Operation(summary = "Show a pull source and its last pulls")
    @Path("/{id}")
    public SourceView get(@PathParam("id") long id) {
        return service.get(id);
    }

    @POST
    @Operation(summary = "Add a pull source")
    @APIResponse(
            responseCode = "201",
            description = "The source added; Location names it.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SourceView.class)))
    public Response add(@Valid @NotNull NewSource request) {
        SourceView created = service.add(request);
        return Response.created(URI.create("/api/sources/" + created.id()))
                .entity(created)
                .build();
    }

    /** Starts a pull now; it runs in the background, so the answer is 202 with the source's status. */
    @POST
    @Operation(summary = "Start a pull of a source now")
    @APIResponse(
            responseCode = "202",
            description = "The pull started in the background; the source with its status.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SourceView.class)))
    @APIResponse(responseCode = "409", description = "The source is being pulled already.")
    @Path("/{id}/run")
    public Response run(@PathParam("id") long id) {
        return Response.accepted(service.run(id)).build();
    }

    @DELETE
    @Operation(summary = "Remove a pull source")
    @APIResponse(responseCode = "204", description = "The source is removed.")
    @Path("/{id}")
    public Response remove(@PathParam("id") long id) {
        service.remove(id);
        return Response.noContent().build();
    }
}
