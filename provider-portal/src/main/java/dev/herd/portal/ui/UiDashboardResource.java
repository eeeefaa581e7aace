package dev.herd.portal.ui;

import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.tenancy.Caller;
import dev.herd.contracts.tenancy.Roles;
import dev.herd.portal.index.IndexHistoryService;
import dev.herd.portal.index.IndexService;
import dev.herd.portal.notification.NotificationService;
import dev.herd.portal.tenant.TenantPage;
import dev.herd.portal.tenant.TenantService;
import dev.herd.portal.tenant.TenantView;
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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The portal's start pages: every tenant for MSSP staff (tenant users are sent on to their own), and a tenant's dashboard. */
@Path("/ui")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
public class UiDashboardResource {

    static final int TENANTS_PER_PAGE = 25;
    static final int LATEST_NOTIFICATIONS = 5;

    private final Template tenants;
    private final Template dashboard;
    private final UiSession session;
    private final TenantService tenantService;
    private final IndexService indices;
    private final IndexHistoryService history;
    private final TenantFigures figures;
    private final TenantActivityRepository activity;
    private final NotificationService notifications;

    public UiDashboardResource(
            @Location("ui/tenants.html") Template tenants,
            @Location("ui/dashboard.html") Template dashboard,
            UiSession session,
            TenantService tenantService,
            IndexService indices,
            IndexHistoryService history,
            TenantFigures figures,
            TenantActivityRepository activity,
            NotificationService notifications) {
        this.tenants = tenants;
        this.dashboard = dashboard;
        this.session = session;
        this.tenantService = tenantService;
        this.indices = indices;
        this.history = history;
        this.figures = figures;
        this.activity = activity;
        this.notifications = notifications;
    }

    @GET
    public Response start(@QueryParam("page") String page, @QueryParam("sort") String sort) {
        Caller caller = session.caller();
        if (!caller.isMsspStaff()) {
            return Response.seeOther(URI.create("/ui/tenants/" + caller.boundTenant()))
                    .build();
        }
        TenantPage tenantPage = tenantService.page(caller, order(sort), UiParams.pageIndex(page), TENANTS_PER_PAGE);
        List<String> ids = tenantPage.tenants().stream().map(TenantView::id).toList();
        var rows = indices.of(ids);
        return Response.ok(UiPages.page(tenants, session, null)
                        .data("page", tenantPage)
                        .data("sort", order(sort).name().toLowerCase(Locale.ROOT))
                        .data("indices", rows)
                        .data("activity", activity.of(ids)))
                .build();
    }

    @GET
    @Path("/tenants/{tenant}")
    public TemplateInstance dashboard(@PathParam("tenant") String tenant) {
        TenantView view = tenantService.get(session.caller(), tenant);
        return UiPages.page(dashboard, session, tenant)
                .data("view", view)
                .data("indices", indices.of(tenant).orElse(null))
                .data("figures", figures.of(tenant))
                .data("history", UiCharts.indexHistory(history.history(tenant, Instant.now())))
                .data("notifications", notifications.forTenant(session.caller(), tenant, LATEST_NOTIFICATIONS));
    }

    private static TenantPage.Order order(String sort) {
        if (sort == null || sort.isBlank()) {
            return TenantPage.Order.ID;
        }
        try {
            return TenantPage.Order.valueOf(sort.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw HerdException.badRequest(
                    "sort-invalid",
                    "sort must be one of "
                            + String.join(
                                    ", ",
                                    Arrays.stream(TenantPage.Order.values())
                                            .map(o -> o.name().toLowerCase(Locale.ROOT))
                                            .toList())
                            + ".");
        }
    }
}
