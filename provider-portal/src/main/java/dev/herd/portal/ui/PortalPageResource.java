package dev.herd.portal.ui;

import dev.herd.contracts.tenancy.Caller;
import dev.herd.contracts.tenancy.CurrentCaller;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.TreeSet;

/** The portal's start page after a Keycloak login: who you are, what you may reach, where the APIs are. */
@Path("/")
public class PortalPageResource {

    private final Template portal;
    private final CurrentCaller caller;

    public PortalPageResource(Template portal, CurrentCaller caller) {
        this.portal = portal;
        this.caller = caller;
    }

    @GET
    public Response root() {
        return Response.seeOther(URI.create("/ui")).build();
    }

    @GET
    @Path("ui")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        Caller who = caller.get();
        return portal.data("user", who.subject())
                .data("roles", String.join(", ", new TreeSet<>(who.roles())))
                .data("staff", who.isMsspStaff())
                .data("tenant", who.tenantId().orElse(null));
    }
}
