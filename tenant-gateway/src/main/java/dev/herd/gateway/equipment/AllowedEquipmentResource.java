package dev.herd.gateway.equipment;

import dev.herd.contracts.tenancy.Caller;
import dev.herd.contracts.tenancy.CurrentCaller;
import dev.herd.contracts.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A tenant's allowed-equipment list (DESIGN §3.5): everyone of the tenant and MSSP staff read it, the tenant's admins
 * and MSSP admins replace it. Another tenant's list is 403.
 */
@Path("/api/tenants/{tenant}/allowed-equipment")
@Tag(name = "Equipment")
public class AllowedEquipmentResource {

    private final AllowedEquipmentService service;
    private final CurrentCaller caller;

    public AllowedEquipmentResource(AllowedEquipmentService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Show a tenant's allowed equipment")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER, Roles.GATEWAY})
    public AllowedEquipmentList get(@PathParam("tenant") String tenant) {
        caller.get().requireAccessTo(tenant);
        return service.get(tenant);
    }

    @PUT
    @Operation(summary = "Replace a tenant's allowed equipment")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.TENANT_ADMIN})
    public AllowedEquipmentList put(@PathParam("tenant") String tenant, AllowedEquipmentList list) {
        Caller who = caller.get();
        who.requireAccessTo(tenant);
        return service.replace(tenant, list, who.subject());
    }
}
