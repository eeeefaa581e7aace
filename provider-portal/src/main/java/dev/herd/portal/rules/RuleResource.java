package dev.herd.portal.rules;

import dev.herd.contracts.delivery.RuleBundle;
import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.tenancy.CurrentCaller;
import dev.herd.contracts.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A tenant's filter rules: listed, shown, deployed and withdrawn by hand; and the newest rule bundle. */
@Path("/api/tenants/{tenant}")
@Tag(name = "Rules")
public class RuleResource {

    private final TenantRuleRepository rules;
    private final RuleViews views;
    private final RuleService service;
    private final RuleBundleRepository bundles;
    private final CurrentCaller caller;

    public RuleResource(
            TenantRuleRepository rules,
            RuleViews views,
            RuleService service,
            RuleBundleRepository bundles,
            CurrentCaller caller) {
        this.rules = rules;
        this.views = views;
        this.service = service;
        this.bundles = bundles;
        this.caller = caller;
    }

    /** Why a rule is withdrawn by hand. */
    public record Withdrawal(@NotBlank @Size(max = 2000) String reason) {}

    /** The newest bundle and what each machine's agent last reported on a bundle. */
    public record BundleView(RuleBundle bundle, List<BundleConfirmation> confirmations) {}

    @GET
    @Operation(summary = "List a tenant's filter rules")
    @Path("/rules")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
    public List<RuleView> list(@PathParam("tenant") String tenant, @QueryParam("state") String state) {
        caller.get().requireAccessTo(tenant);
        return views.of(rules.ofTenant(tenant, state(state)));
    }

    @GET
    @Operation(summary = "Show a filter rule")
    @Path("/rules/{number}")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
    public RuleView get(@PathParam("tenant") String tenant, @PathParam("number") int number) {
        caller.get().requireAccessTo(tenant);
        return views.of(service.find(tenant, number));
    }

    @POST
    @Operation(summary = "Deploy a filter rule by hand")
    @APIResponse(
            responseCode = "200",
            description = "The rule, deployed.",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleView.class)))
    @APIResponse(responseCode = "409", description = "Only a PROPOSED rule deploys.")
    @Path("/rules/{number}/deploy")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.TENANT_ADMIN})
    public RuleView deploy(@PathParam("tenant") String tenant, @PathParam("number") int number) {
        caller.get().requireAccessTo(tenant);
        return views.of(service.deploy(tenant, number, caller.get().subject()));
    }

    @POST
    @Operation(summary = "Withdraw a filter rule")
    @APIResponse(
            responseCode = "200",
            description = "The rule, withdrawn.",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleView.class)))
    @APIResponse(responseCode = "409", description = "The rule is withdrawn already.")
    @Path("/rules/{number}/withdraw")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.TENANT_ADMIN})
    public RuleView withdraw(
            @PathParam("tenant") String tenant, @PathParam("number") int number, @Valid @NotNull Withdrawal body) {
        caller.get().requireAccessTo(tenant);
        return views.of(service.withdraw(
                tenant, number, caller.get().subject(), body.reason().strip()));
    }

    @GET
    @Operation(summary = "Show a tenant's newest rule bundle")
    @Path("/rule-bundle")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
    public BundleView bundle(@PathParam("tenant") String tenant) {
        caller.get().requireAccessTo(tenant);
        RuleBundle bundle = bundles.latest(tenant)
                .orElseThrow(() -> HerdException.notFound(
                        "rule-bundle-not-found", "Tenant " + tenant + " has not published a rule bundle yet."));
        return new BundleView(bundle, bundles.confirmations(tenant));
    }

    private static RuleState state(String value) {
        if (value == null) {
            return null;
        }
        try {
            return RuleState.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw HerdException.badRequest(
                    "state-invalid", "state must be one of " + List.of(RuleState.values()) + ".");
        }
    }
}
