package dev.herd.portal.ui;

import dev.herd.contracts.tenancy.Roles;
import dev.herd.portal.advisory.AdvisorySeverity;
import dev.herd.portal.diagnosis.FindingAction;
import dev.herd.portal.diagnosis.FindingListRequest;
import dev.herd.portal.diagnosis.FindingPage;
import dev.herd.portal.diagnosis.FindingPageService;
import dev.herd.portal.diagnosis.FindingState;
import dev.herd.portal.diagnosis.RiskAcceptanceService;
import dev.herd.portal.tenant.TenantService;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** A tenant's findings page: filters, keyset pages, and accepting a risk with a reason. */
@Path("/ui/tenants/{tenant}/findings")
@Produces(MediaType.TEXT_HTML)
public class UiFindingsResource {

    private final Template findings;
    private final Template message;
    private final UiSession session;
    private final TenantService tenants;
    private final FindingPageService pages;
    private final RiskAcceptanceService risks;

    public UiFindingsResource(
            @Location("ui/findings.html") Template findings,
            @Location("ui/message.html") Template message,
            UiSession session,
            TenantService tenants,
            FindingPageService pages,
            RiskAcceptanceService risks) {
        this.findings = findings;
        this.message = message;
        this.session = session;
        this.tenants = tenants;
        this.pages = pages;
        this.risks = risks;
    }

    @GET
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
    public TemplateInstance list(
            @PathParam("tenant") String tenant, @BeanParam FindingListRequest request, @Context UriInfo uri) {
        var view = tenants.get(session.caller(), tenant);
        FindingPage page =
                pages.page(tenant, request.filter(), request.sort(), request.cursor(), request.size(), request.total());
        String next = page.next() == null
                ? null
                : uri.getRequestUriBuilder()
                        .replaceQueryParam("cursor", page.next().encode())
                        .build()
                        .toString();
        String first =
                uri.getRequestUriBuilder().replaceQueryParam("cursor").build().toString();
        return UiPages.page(findings, session, tenant)
                .data("view", view)
                .data("page", page)
                .data("next", next)
                .data("first", uri.getQueryParameters().containsKey("cursor") ? first : null)
                .data("q", uri.getQueryParameters())
                .data("severities", List.of(AdvisorySeverity.values()))
                .data("states", List.of(FindingState.values()))
                .data("actions", List.of(FindingAction.values()));
    }

    @POST
    @Path("/{id}/accept-risk")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.TENANT_ADMIN})
    public String acceptRisk(
            @PathParam("tenant") String tenant, @PathParam("id") long id, @FormParam("reason") String reason) {
        session.caller().requireAccessTo(tenant);
        risks.accept(tenant, id, session.caller().subject(), reason);
        return "<tr id=\"finding-" + id + "\"><td colspan=\"8\">"
                + message.data("kind", "ok")
                        .data("text", "Finding " + id + ": risk accepted (ACCEPTED_RISK).")
                        .render()
                + "</td></tr>";
    }
}
