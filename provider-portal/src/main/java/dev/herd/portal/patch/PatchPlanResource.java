package dev.herd.portal.patch;

import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.tenancy.CurrentCaller;
import dev.herd.contracts.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A tenant's patch plans: planned on request, listed with their commands, approved or rejected by a tenant admin. */
@Path("/api/tenants/{tenant}/patch-plans")
@Tag(name = "Patch plans")
public class PatchPlanResource {

    private final PatchPlanRepository plans;
    private final PatchPlanService service;
    private final CurrentCaller caller;

    public PatchPlanResource(PatchPlanRepository plans, PatchPlanService service, CurrentCaller caller) {
        this.plans = plans;
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Plan patches for a tenant's machines")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.TENANT_ADMIN})
    public List<PatchPlanView> plan(@PathParam("tenant") String tenant) {
        caller.get().requireAccessTo(tenant);
        return service.planTenant(tenant, Instant.now()).stream()
                .map(PatchPlanView::of)
                .toList();
    }

    @GET
    @Operation(summary = "List a tenant's patch plans")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
    public List<PatchPlanView> list(@PathParam("tenant") String tenant, @QueryParam("state") String state) {
        caller.get().requireAccessTo(tenant);
        return plans.ofTenant(tenant, state(state)).stream()
                .map(PatchPlanView::of)
                .toList();
    }

    @GET
    @Operation(summary = "Show a patch plan with its commands")
    @Path("/{id}")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
    public PatchPlanView get(@PathParam("tenant") String tenant, @PathParam("id") String id) {
        caller.get().requireAccessTo(tenant);
        return PatchPlanView.of(service.find(tenant, uuid(id)));
    }

    @POST
    @Operation(summary = "Approve a patch plan")
    @APIResponse(
            responseCode = "200",
            description = "The plan, approved.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PatchPlanView.class)))
    @APIResponse(responseCode = "409", description = "The plan is not waiting for approval.")
    @Path("/{id}/approve")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.TENANT_ADMIN})
    public PatchPlanView approve(@PathParam("tenant") String tenant, @PathParam("id") String id) {
        caller.get().requireAccessTo(tenant);
        return PatchPlanView.of(service.approve(tenant, uuid(id), caller.get().subject(), Instant.now()));
    }

    @POST
    @Operation(summary = "Reject a patch plan")
    @APIResponse(
            responseCode = "200",
            description = "The plan, rejected.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PatchPlanView.class)))
    @APIResponse(responseCode = "409", description = "The plan is not waiting for approval.")
    @Path("/{id}/reject")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.TENANT_ADMIN})
    public PatchPlanView reject(@PathParam("tenant") String tenant, @PathParam("id") String id) {
        caller.get().requireAccessTo(tenant);
        return PatchPlanView.of(service.reject(tenant, uuid(id), caller.get().subject(), Instant.now()));
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw HerdException.notFound("patch-plan-not-found", "No patch plan " + value + " in this tenant.");
        }
    }

    private static PatchPlanState state(String value) {
        if (value == null) {
            return null;
        }
        try {
            return PatchPlanState.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw HerdException.badRequest(
                    "state-invalid", "state must be one of " + List.of(PatchPlanState.values()) + ".");
        }
    }
}
