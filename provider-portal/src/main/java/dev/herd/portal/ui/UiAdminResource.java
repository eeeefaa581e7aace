package dev.herd.portal.ui;

import dev.herd.contracts.tenancy.Roles;
import dev.herd.portal.hub.HubAdminService;
import dev.herd.portal.hub.HubViews;
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
import java.util.List;

/**
 * The MSSP admins' pages about the advisory hub: providers with their trust tiers, pull sources with the status of
 * their pulls, the rejection log, and community advisories with their provenance counts and a revocation. Read
 * through the hub's API with the admin's own token; everyone else gets the 403 page.
 */
@Path("/ui/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.MSSP_ADMIN)
public class UiAdminResource {

    private final Template providers;
    private final Template sources;
    private final Template rejections;
    private final Template community;
    private final UiSession session;
    private final HubAdminService hub;

    public UiAdminResource(
            @Location("ui/admin-providers.html") Template providers,
            @Location("ui/admin-sources.html") Template sources,
            @Location("ui/admin-rejections.html") Template rejections,
            @Location("ui/admin-community.html") Template community,
            UiSession session,
            HubAdminService hub) {
        this.providers = providers;
        this.sources = sources;
        this.rejections = rejections;
        this.community = community;
        this.session = session;
        this.hub = hub;
    }

    @GET
    @Path("/providers")
    public TemplateInstance providers() {
        return UiPages.page(providers, session, null).data("providers", hub.providers());
    }

    @GET
    @Path("/sources")
    public TemplateInstance sources() {
        return UiPages.page(sources, session, null).data("sources", hub.sources());
    }

    @GET
    @Path("/rejections")
    public TemplateInstance rejections(@QueryParam("page") String page) {
        int index = UiParams.pageIndex(page);
        List<HubViews.Rejection> rows = hub.rejections(index);
        return UiPages.page(rejections, session, null)
                .data("rejections", rows)
                .data(
                        "pager",
                        new UiPager(
                                index + 1,
                                index > 0 ? index : null,
                                rows.size() == HubAdminService.REJECTIONS_PER_PAGE ? index + 2 : null));
    }

    @GET
    @Path("/community")
    public TemplateInstance community() {
        return UiPages.page(community, session, null)
                .data("advisories", hub.community())
                .data("done", null);
    }

    @POST
    @Path("/community/{id}/revoke")
    public String revoke(@PathParam("id") String id, @FormParam("reason") String reason) {
        HubViews.CommunityAdvisory revoked = hub.revoke(id, reason);
        return community
                .getFragment("advisory")
                .data("a", revoked)
                .data("done", "Revoked " + revoked.id() + ": every tenant gets the withdrawal.")
                .render();
    }
}
