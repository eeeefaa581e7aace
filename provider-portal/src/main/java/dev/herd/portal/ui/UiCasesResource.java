package dev.herd.portal.ui;

import dev.herd.contracts.isolation.IsolationOrder;
import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.tenancy.Roles;
import dev.herd.portal.damage.DamageCaseViews;
import dev.herd.portal.damage.RecoveryPlaybook;
import dev.herd.portal.damage.RecoveryService;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import java.util.stream.Collectors;

/** A tenant's damage cases page: each case with its timeline, isolation and orders; MSSP staff and tenant admins start a recovery and confirm it. */
@Path("/ui/tenants/{tenant}/cases")
@Produces(MediaType.TEXT_HTML)
public class UiCasesResource {

    static final int CASES_PER_PAGE = 10;

    private final Template cases;
    private final Template message;
    private final UiSession session;
    private final TenantService tenants;
    private final DamageCaseViews views;
    private final RecoveryService recovery;

    public UiCasesResource(
            @Location("ui/cases.html") Template cases,
            @Location("ui/message.html") Template message,
            UiSession session,
            TenantService tenants,
            DamageCaseViews views,
            RecoveryService recovery) {
        this.cases = cases;
        this.message = message;
        this.session = session;
        this.tenants = tenants;
        this.views = views;
        this.recovery = recovery;
    }

    @GET
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
    public TemplateInstance list(@PathParam("tenant") String tenant, @QueryParam("page") String page) {
        var view = tenants.get(session.caller(), tenant);
        int index = UiParams.pageIndex(page);
        long total = views.count(tenant);
        return UiPages.page(cases, session, tenant)
                .data("view", view)
                .data("cases", views.page(tenant, index, CASES_PER_PAGE))
                .data("canWork", session.canWork(tenant))
                .data("actions", RecoveryPlaybook.ACTIONS)
                .data("pager", UiPager.of(index, CASES_PER_PAGE, total))
                .data("total", total);
    }

    @POST
    @Path("/{id}/recover")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN})
    public String recover(
            @PathParam("tenant") String tenant, @PathParam("id") String id, @FormParam("playbook") String playbook) {
        session.caller().requireAccessTo(tenant);
        IsolationOrder order = recovery.recover(
                tenant,
                caseId(id),
                RecoveryPlaybook.parse(playbook),
                session.caller().subject());
        String steps = order.playbook().stream()
                .map(s -> s.action() + " " + s.target())
                .collect(Collectors.joining(", "));
        return message.data("kind", "ok")
                .data(
                        "text",
                        "Recovery ordered at " + order.isolationPoint() + ": " + steps
                                + ". The case is RECOVERING; reload for its progress.")
                .render();
    }

    @POST
    @Path("/{id}/confirm")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN})
    public String confirm(@PathParam("tenant") String tenant, @PathParam("id") String id) {
        session.caller().requireAccessTo(tenant);
        recovery.confirmByHand(tenant, caseId(id), session.caller().subject());
        return message.data("kind", "ok")
                .data(
                        "text",
                        "Recovery confirmed; the isolation is being lifted (UNISOLATING). Reload for its progress.")
                .render();
    }

    private static UUID caseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw HerdException.notFound("damage-case-not-found", "No damage case " + id + ".");
        }
    }
}
