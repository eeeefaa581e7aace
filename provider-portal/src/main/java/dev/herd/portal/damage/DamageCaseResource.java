package dev.herd.portal.damage;

import dev.herd.contracts.isolation.IsolationOrder;
import dev.herd.contracts.problem.HerdException;
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
 * A tenant's damage cases, newest first, and one case; anyone of the tenant and MSSP staff may read them. A tenant
 * admin or MSSP staff orders a case's recovery (with a playbook, or the default one derived from the evidence).
 */
@Path("/api/tenants/{tenant}/damage-cases")
@Tag(name = "Damage")
public class DamageCaseResource {

    private final DamageCaseRepository cases;
    private final DamageCaseViews views;
    private final RecoveryService recovery;
    private final CurrentCaller caller;

    public DamageCaseResource(
            DamageCaseRepository cases, DamageCaseViews views, RecoveryService recovery, CurrentCaller caller) {
        this.cases = cases;
        this.views = views;
        this.recovery = recovery;
        this.caller = caller;
    }

    /** What a recovery runs; {@code playbook} left out (or the whole body) for the default playbook. */
    public record RecoveryRequest(List<IsolationOrder.PlaybookStep> playbook) {}

    @GET
    @Operation(summary = "List a tenant's damage cases, newest first")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
    public List<DamageCaseView> list(@PathParam("tenant") String tenant) {
        caller.get().requireAccessTo(tenant);
        return views.of(tenant, cases.ofTenant(tenant));
    }

    @GET
    @Operation(summary = "Show a damage case")
    @Path("/{id}")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
    public DamageCaseView get(@PathParam("tenant") String tenant, @PathParam("id") String id) {
        caller.get().requireAccessTo(tenant);
        return view(tenant, caseId(id));
    }

    @POST
    @Operation(summary = "Order the recovery of a damage case")
    @APIResponse(
            responseCode = "200",
            description = "The damage case, recovering.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DamageCaseView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The case is not OPEN or ISOLATED, or has no isolation point to recover at.")
    @Path("/{id}/recover")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN})
    public DamageCaseView recover(
            @PathParam("tenant") String tenant, @PathParam("id") String id, RecoveryRequest body) {
        caller.get().requireAccessTo(tenant);
        UUID caseId = caseId(id);
        recovery.recover(
                tenant,
                caseId,
                body == null ? null : body.playbook(),
                caller.get().subject());
        return view(tenant, caseId);
    }

    @POST
    @Operation(summary = "Confirm a damage case's recovery by hand and lift its isolation")
    @APIResponse(
            responseCode = "200",
            description = "The damage case, confirmed.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DamageCaseView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The case is not CONFIRMING, or damage was seen since its recovery was applied.")
    @Path("/{id}/confirm")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN})
    public DamageCaseView confirm(@PathParam("tenant") String tenant, @PathParam("id") String id) {
        caller.get().requireAccessTo(tenant);
        UUID caseId = caseId(id);
        recovery.confirmByHand(tenant, caseId, caller.get().subject());
        return view(tenant, caseId);
    }

    private DamageCaseView view(String tenant, UUID caseId) {
        DamageCase found = cases.find(tenant, caseId)
                .orElseThrow(() -> HerdException.notFound("damage-case-not-found", "No damage case " + caseId + "."));
        return views.of(tenant, List.of(found)).getFirst();
    }

    private static UUID caseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw HerdException.notFound("damage-case-not-found", "No damage case " + id + ".");
        }
    }
}
