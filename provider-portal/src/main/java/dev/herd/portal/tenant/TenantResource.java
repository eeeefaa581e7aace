package dev.herd.portal.tenant;

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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Tenants over HTTP: MSSP staff see all of them, customer users only their own. */
@Path("/api/tenants")
@Tag(name = "Tenants")
public class TenantResource {

    private final TenantService service;
    private final CurrentCaller caller;

    public TenantResource(TenantService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List the tenants you may see")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
    public List<TenantView> list() {
        return service.visibleTo(caller.get());
    }

    @GET
    @Operation(summary = "Show a tenant")
    @Path("/{id}")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
    public TenantView get(@PathParam("id") String id) {
        return service.get(caller.get(), id);
    }

    @POST
    @Operation(summary = "Register a tenant")
    @APIResponse(
            responseCode = "201",
            description = "The tenant; Location names it.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TenantView.class)))
    @APIResponse(responseCode = "409", description = "A tenant with this id exists already.")
    @RolesAllowed(Roles.MSSP_ADMIN)
    public Response register(@Valid @NotNull NewTenant request) {
        TenantView created = service.register(request);
        return Response.created(URI.create("/api/tenants/" + created.id()))
                .entity(created)
                .build();
    }
}
