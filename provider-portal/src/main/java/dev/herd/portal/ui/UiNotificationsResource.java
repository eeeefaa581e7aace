package dev.herd.portal.ui;

import dev.herd.contracts.tenancy.Roles;
import dev.herd.portal.notification.Notification;
import dev.herd.portal.notification.NotificationService;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Notifications across the caller's tenants by urgency (emergency, high, normal, info), refreshed in the page every
 * {@value #REFRESH_SECONDS} seconds, each markable as read by the caller, or all at once.
 */
@Path("/ui/notifications")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
public class UiNotificationsResource {

    static final int REFRESH_SECONDS = 15;

    private final Template notifications;
    private final UiSession session;
    private final NotificationService service;

    public UiNotificationsResource(
            @Location("ui/notifications.html") Template notifications, UiSession session, NotificationService service) {
        this.notifications = notifications;
        this.session = session;
        this.service = service;
    }

    @GET
    public TemplateInstance page() {
        return withList(
                UiPages.page(notifications, session, session.caller().tenantId().orElse(null)), null);
    }

    /** The list alone, for the page's refresh. */
    @GET
    @Path("/list")
    public String list() {
        return withList(notifications.getFragment("list").instance(), null).render();
    }

    @POST
    @Path("/read")
    public String read(@FormParam("key") String key) {
        Notification read = service.markRead(session.caller(), key == null ? "" : key);
        return withList(notifications.getFragment("list").instance(), "Marked read: " + read.title() + ".")
                .render();
    }

    @POST
    @Path("/read-all")
    public String readAll() {
        int marked = service.markAllRead(session.caller());
        return withList(
                        notifications.getFragment("list").instance(),
                        marked == 0 ? "Nothing was unread." : marked + " notification(s) marked read.")
                .render();
    }

    private TemplateInstance withList(TemplateInstance page, String done) {
        List<Notification> shown = service.forCaller(session.caller(), NotificationService.MAX_SHOWN);
        return page.data("groups", NotificationService.byUrgency(shown))
                .data("unread", shown.stream().filter(n -> !n.read()).count())
                .data("staff", session.caller().isMsspStaff())
                .data("refresh", REFRESH_SECONDS)
                .data("done", done);
    }
}
