package dev.herd.gateway.equipment;

import dev.herd.contracts.tenancy.CurrentCaller;
import dev.herd.contracts.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Equipment violations: listed per tenant (another tenant's list is 403), released one by one by the tenant's admin
 * or gateway or an MSSP admin (another tenant's violation is 404, a second release 409).
 */
@Path("/api")
@Tag(name = "Equipment")
public class EquipmentViolationResource {

    private final EquipmentViolationRepository violations;
    private final EquipmentIsolation isolation;
    private final CurrentCaller caller;

    public EquipmentViolationResource(
            EquipmentViolationRepository violations, EquipmentIsolation isolation, CurrentCaller caller) {
        this.violations = violations;
        this.isolation = isolation;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List a tenant's equipment violations")
    @Path("tenants/{tenant}/equipment-violations")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER, Roles.GATEWAY})
    public List<EquipmentViolationView> list(@PathParam("tenant") String tenant) {
        caller.get().requireAccessTo(tenant);
        return violations.listFor(tenant).stream()
                .map(EquipmentViolationView::of)
                .toList();
    }

    @POST
    @Operation(summary = "Release a machine held for an equipment violation")
    @APIResponse(
            responseCode = "200",
            description = "The violation, released.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EquipmentViolationView.class)))
    @APIResponse(responseCode = "409", description = "The violation is released already.")
    @Path("equipment-violations/{id}/release")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.TENANT_ADMIN, Roles.GATEWAY})
    public EquipmentViolationView release(@PathParam("id") UUID id) {
        return EquipmentViolationView.of(isolation.release(caller.get(), id));
    }
}
