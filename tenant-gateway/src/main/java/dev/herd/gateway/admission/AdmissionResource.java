package dev.herd.gateway.admission;

import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.tenancy.Caller;
import dev.herd.contracts.tenancy.CurrentCaller;
import dev.herd.contracts.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Admission API: a gateway (for its own tenant) or an MSSP admin (naming the tenant) reports a new machine, which is
 * quarantined; the MSSP admin or the tenant's gateway or admin releases it. Lists are tenant-scoped.
 */
@Path("/api/admissions")
@Tag(name = "Admissions")
public class AdmissionResource {

    private final AdmissionService service;
    private final AdmissionRepository admissions;
    private final CurrentCaller caller;

    public AdmissionResource(AdmissionService service, AdmissionRepository admissions, CurrentCaller caller) {
        this.service = service;
        this.admissions = admissions;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Report a new machine, which is quarantined")
    @APIResponse(
            responseCode = "201",
            description = "The admission, quarantined; Location names it.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AdmissionView.class)))
    @APIResponse(responseCode = "409", description = "The machine already has an admission that is not released.")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.GATEWAY})
    public Response admit(AdmissionRequest request) {
        if (request == null) {
            throw HerdException.badRequest("admission-invalid", "Send {mac, ip (optional), hostname}.");
        }
        Caller who = caller.get();
        Admission admitted = service.admit(who, tenantFor(who, request.tenantId()), request);
        return Response.created(URI.create("/api/admissions/" + admitted.id))
                .entity(AdmissionView.of(admitted))
                .build();
    }

    @GET
    @Operation(summary = "List admissions")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER, Roles.GATEWAY})
    public List<AdmissionView> list() {
        return admissions.listVisible(caller.get().tenantScope()).stream()
                .map(AdmissionView::of)
                .toList();
    }

    @GET
    @Operation(summary = "Show an admission")
    @Path("{id}")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER, Roles.GATEWAY})
    public AdmissionView get(@PathParam("id") UUID id) {
        return admissions
                .findVisible(id, caller.get().tenantScope())
                .map(AdmissionView::of)
                .orElseThrow(() -> HerdException.notFound("admission-not-found", "No admission " + id + "."));
    }

    @POST
    @Operation(summary = "Release an admitted machine from quarantine")
    @APIResponse(
            responseCode = "200",
            description = "The admission, released.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AdmissionView.class)))
    @APIResponse(responseCode = "409", description = "The admission is released already.")
    @Path("{id}/release")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.TENANT_ADMIN, Roles.GATEWAY})
    public AdmissionView release(@PathParam("id") UUID id) {
        return AdmissionView.of(service.release(caller.get(), id));
    }

    private static String tenantFor(Caller who, String named) {
        if (named == null || named.isBlank()) {
            if (who.isMsspStaff()) {
                throw HerdException.badRequest("tenant-required", "Name the tenant the machine is at in 'tenantId'.");
            }
            return who.boundTenant();
        }
        who.requireAccessTo(named);
        return named;
    }
}
