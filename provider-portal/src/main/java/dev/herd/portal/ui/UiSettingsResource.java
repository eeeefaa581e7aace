package dev.herd.portal.ui;

import dev.herd.contracts.tenancy.Roles;
import dev.herd.portal.damage.ContactMailService;
import dev.herd.portal.interconnection.InterconnectionService;
import dev.herd.portal.interconnection.InterconnectionView;
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
import java.util.List;

/**
 * A tenant's settings page: its filtering and patch policy ({@code /api/tenants/{t}/policy}), its interconnection
 * policies ({@code /api/tenants/{t}/interconnections}) and its contact mail ({@code contactMail} of
 * {@code /api/tenants/{t}/damage-settings}), each through the service its API uses. Everyone allowed on the tenant
 * reads them; its admins and MSSP admins change them.
 */
@Path("/ui/tenants/{tenant}/settings")
@Produces(MediaType.TEXT_HTML)
public class UiSettingsResource {

    private final Template settings;
    private final UiSession session;
    private final TenantService tenants;
    private final PolicyService policies;
    private final InterconnectionService interconnections;
    private final ContactMailService contacts;

    public UiSettingsResource(
            @Location("ui/settings.html") Template settings,
            UiSession session,
            TenantService tenants,
            PolicyService policies,
            InterconnectionService interconnections,
            ContactMailService contacts) {
        this.settings = settings;
        this.session = session;
        this.tenants = tenants;
        this.policies = policies;
        this.interconnections = interconnections;
        this.contacts = contacts;
    }

    @GET
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
    public TemplateInstance page(@PathParam("tenant") String tenant) {
        var view = tenants.get(session.caller(), tenant);
        return UiPages.page(settings, session, tenant)
                .data("view", view)
                .data("form", PolicyForm.of(policies.of(tenant)))
                .data("links", interconnections.view(tenant))
                .data("linksText", InterconnectionForm.text(interconnections.view(tenant)))
                .data("contactMail", contacts.of(tenant))
                .data("done", null);
    }

    @POST
    @Path("/interconnections")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.TENANT_ADMIN})
    public String saveInterconnections(@PathParam("tenant") String tenant, @FormParam("policies") String text) {
        tenants.get(session.caller(), tenant); // 403 for another tenant's admin, 404 for no such tenant
        List<InterconnectionView> saved = interconnections.replace(
                tenant, InterconnectionForm.policies(text), session.caller().subject());
        return settings.getFragment("interconnections")
                .data("tenant", tenant)
                .data("links", saved)
                .data("linksText", InterconnectionForm.text(saved))
                .data("canAct", true)
                .data("done", "Interconnection policies saved.")
                .render();
    }

    @POST
    @Path("/contact")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.TENANT_ADMIN})
    public String saveContact(@PathParam("tenant") String tenant, @FormParam("contactMail") String contactMail) {
        tenants.get(session.caller(), tenant);
        String saved = contacts.save(tenant, contactMail, session.caller().subject());
        return settings.getFragment("contact")
                .data("tenant", tenant)
                .data("contactMail", saved)
                .data("canAct", true)
                .data("done", saved == null ? "Contact mail removed." : "Contact mail saved.")
                .render();
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
