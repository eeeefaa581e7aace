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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The MSSP's own webhooks (mssp-admin only): every tenant's events are posted to them. */
@Path("/api/webhooks")
@RolesAllowed(Roles.MSSP_ADMIN)
@Tag(name = "MSSP webhooks")
public class MsspWebhookResource {

    private final WebhookService service;
    private final CurrentCaller caller;

    public MsspWebhookResource(WebhookService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Register a webhook for every tenant's events")
    @APIResponse(
            responseCode = "201",
            description = "The webhook; Location names it.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WebhookView.class)))
    public Response register(@Valid NewWebhook body) {
        WebhookView created = service.register(null, body, caller.get().subject());
        return Response.created(URI.create("/api/webhooks/" + created.id()))
                .entity(created)
                .build();
    }

    @GET
    @Operation(summary = "List the MSSP's webhooks")
    public List<WebhookView> list() {
        return service.list(null);
    }

    @GET
    @Operation(summary = "Show an MSSP webhook")
    @Path("/{id}")
    public WebhookView get(@PathParam("id") String id) {
        return service.get(null, WebhookIds.parse(id));
    }

    @DELETE
    @Operation(summary = "Remove an MSSP webhook")
    @APIResponse(responseCode = "204", description = "The webhook is removed.")
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        service.delete(null, WebhookIds.parse(id), caller.get().subject());
        return Response.noContent().build();
    }

    @GET
    @Operation(summary = "List the deliveries made to an MSSP webhook")
    @Path("/{id}/deliveries")
    public List<WebhookDeliveryView> deliveries(@PathParam("id") String id, @QueryParam("limit") String limit) {
        return service.deliveries(null, WebhookIds.parse(id), limit);
    }
}
