package dev.herd.portal.webhook;

import dev.herd.contracts.tenancy.CurrentCaller;
import dev.herd.contracts.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** The MSSP's own webhooks (mssp-admin only): every tenant's events are posted to them. */
@Path("/api/webhooks")
@RolesAllowed(Roles.MSSP_ADMIN)
public class MsspWebhookResource {

    private final WebhookService service;
    private final CurrentCaller caller;

    public MsspWebhookResource(WebhookService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    public Response register(@Valid NewWebhook body) {
        WebhookView created = service.register(null, body, caller.get().subject());
        return Response.created(URI.create("/api/webhooks/" + created.id()))
                .entity(created)
                .build();
    }

    @GET
    public List<WebhookView> list() {
        return service.list(null);
    }

    @GET
    @Path("/{id}")
    public WebhookView get(@PathParam("id") String id) {
        return service.get(null, WebhookIds.parse(id));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        service.delete(null, WebhookIds.parse(id), caller.get().subject());
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    public List<WebhookDeliveryView> deliveries(@PathParam("id") String id, @QueryParam("limit") String limit) {
        return service.deliveries(null, WebhookIds.parse(id), limit);
    }
}
