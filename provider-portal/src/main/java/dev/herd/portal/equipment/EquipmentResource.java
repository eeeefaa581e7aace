package dev.herd.portal.equipment;

import dev.herd.contracts.tenancy.CurrentCaller;
import dev.herd.contracts.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A machine's hardware, allowed-equipment verdict, equipment violations and admission, as its gateway told them. */
@Path("/api/tenants/{tenant}/machines/{machine}/equipment")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Equipment")
public class EquipmentResource {

    private final EquipmentEvidenceService equipment;
    private final CurrentCaller caller;

    public EquipmentResource(EquipmentEvidenceService equipment, CurrentCaller caller) {
        this.equipment = equipment;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Show a machine's hardware, allowed-equipment verdict, violations and admission")
    @APIResponse(
            responseCode = "200",
            description = "The machine's equipment as its gateway last told it.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MachineEquipment.class)))
    @APIResponse(responseCode = "404", description = "The tenant has no such machine.")
    @APIResponse(
            responseCode = "409",
            description = "Several machines of the tenant have this name: name it by its id.")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
    public MachineEquipment get(@PathParam("tenant") String tenant, @PathParam("machine") String machine) {
        return equipment.of(caller.get(), tenant, machine);
    }
}
