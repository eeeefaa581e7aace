package dev.herd.portal.ui;

import dev.herd.contracts.tenancy.Roles;
import dev.herd.portal.policy.PolicyService;
import dev.herd.portal.policy.TenantPolicy;
import dev.herd.portal.tenant.TenantService;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A tenant's settings page: its filtering and patch policy, as {@code GET/PUT /api/tenants/{t}/policy} has it.
 * Everyone allowed on the tenant reads it; its admins and MSSP admins change it.
 */
@Path("/ui/tenants/{tenant}/settings")
@Produces(MediaType.TEXT_HTML)
public class UiSettingsResource {

    private final Template settings;
    private final UiSession session;
    private final TenantService tenants;
    private final PolicyService policies;

    public UiSettingsResource(
            @Location("ui/settings.html") Template settings,
            UiSession session,
            TenantService tenants,
            PolicyService policies) {
        this.settings = settings;
        this.session = session;
        this.tenants = tenants;
        this.policies = policies;
    }

    @GET
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
    public TemplateInstance page(@PathParam("tenant") String tenant) {
        var view = tenants.get(session.caller(), tenant);
        return UiPages.page(settings, session, tenant)
                .data("view", view)
                .data("form", PolicyForm.of(policies.of(tenant)))
                .data("done", null);
    }

    @POST
    @Path("/policy")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.TENANT_ADMIN})
    public String savePolicy(
            @PathParam("tenant") String tenant,
            @FormParam("knownExploited") String knownExploited,
            @FormParam("minEmergencyLevel") String minEmergencyLevel,
            @FormParam("minCvssScore") String minCvssScore,
            @FormParam("minEpss") String minEpss,
            @FormParam("haltWhenNoRule") String haltWhenNoRule,
            @FormParam("mode") String mode,
            @FormParam("approved") String approved,
            @FormParam("forbidden") String forbidden,
            @FormParam("maintenanceWindows") String maintenanceWindows) {
        tenants.get(session.caller(), tenant); // 403 for another tenant's admin, 404 for no such tenant
        TenantPolicy policy = new PolicyForm(
                        knownExploited != null,
                        minEmergencyLevel,
                        minCvssScore,
                        minEpss,
                        haltWhenNoRule != null,
                        mode,
                        approved,
                        forbidden,
                        maintenanceWindows)
                .policy();
        TenantPolicy saved = policies.save(tenant, policy, session.caller().subject());
        return settings.getFragment("policy")
                .data("tenant", tenant)
                .data("form", PolicyForm.of(saved))
                .data("canAct", true)
                .data("done", "Policy saved.")
                .render();
    }
}
