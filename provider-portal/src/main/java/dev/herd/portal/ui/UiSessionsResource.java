package dev.herd.portal.ui;

import dev.herd.contracts.tenancy.Roles;
import dev.herd.portal.audit.AuditPage;
import dev.herd.portal.audit.AuditQuery;
import dev.herd.portal.audit.SessionService;
import dev.herd.portal.audit.SessionView;
import dev.herd.portal.tenant.TenantService;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** A tenant's privileged sessions page, newest first, from {@link SessionService} as the API answers it. */
@Path("/ui/tenants/{tenant}/sessions")
@Produces(MediaType.TEXT_HTML)
public class UiSessionsResource {

    private final Template sessions;
    private final UiSession session;
    private final TenantService tenants;
    private final SessionService service;

    public UiSessionsResource(
            @Location("ui/sessions.html") Template sessions,
            UiSession session,
            TenantService tenants,
            SessionService service) {
        this.sessions = sessions;
        this.session = session;
        this.tenants = tenants;
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
    public TemplateInstance page(@PathParam("tenant") String tenant, @QueryParam("page") String page) {
        var view = tenants.get(session.caller(), tenant);
        AuditPage<SessionView> shown = service.page(session.caller(), tenant, AuditQuery.of(page, null, null));
        return UiPages.page(sessions, session, tenant)
                .data("view", view)
                .data("sessions", shown)
                .data("pager", UiPager.of(shown.page() - 1, shown.size(), shown.total()));
    }
}
