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

/** A tenant's webhooks (tenant-admin of that tenant, or mssp-admin): only that tenant's events are posted to them. */
@Path("/api/tenants/{tenant}/webhooks")
@RolesAllowed({Roles.MSSP_ADMIN, Roles.TENANT_ADMIN})
@Tag(name = "Tenant webhooks")
public class TenantWebhookResource {

    private final WebhookService service;
    private final CurrentCaller caller;

    public TenantWebhookResource(WebhookService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Register a webhook for a tenant's events")
    @APIResponse(
            responseCode = "201",
            description = "The webhook; Location names it.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WebhookView.class)))
    public Response register(@PathParam("tenant") String tenant, @Valid NewWebhook body) {
        caller.get().requireAccessTo(tenant);
        WebhookView created = service.register(tenant, body, caller.get().subject());
        return Response.created(URI.create("/api/tenants/" + tenant + "/webhooks/" + created.id()))
                .entity(created)
                .build();
    }

    @GET
    @Operation(summary = "List a tenant's webhooks")
    public List<WebhookView> list(@PathParam("tenant") String tenant) {
        caller.get().requireAccessTo(tenant);
        return service.list(tenant);
    }

    @GET
    @Operation(summary = "Show a tenant's webhook")
    @Path("/{id}")
    public WebhookView get(@PathParam("tenant") String tenant, @PathParam("id") String id) {
        caller.get().requireAccessTo(tenant);
        return service.get(tenant, WebhookIds.parse(id));
    }

    @DELETE
    @Operation(summary = "Remove a tenant's webhook")
    @APIResponse(responseCode = "204", description = "The webhook is removed.")
    @Path("/{id}")
    public Response delete(@PathParam("tenant") String tenant, @PathParam("id") String id) {
        caller.get().requireAccessTo(tenant);
        service.delete(tenant, WebhookIds.parse(id), caller.get().subject());
        return Response.noContent().build();
    }

    @GET
    @Operation(summary = "List the deliveries made to a tenant's webhook")
    @Path("/{id}/deliveries")
    public List<WebhookDeliveryView> deliveries(
            @PathParam("tenant") String tenant, @PathParam("id") String id, @QueryParam("limit") String limit) {
        caller.get().requireAccessTo(tenant);
        return service.deliveries(tenant, WebhookIds.parse(id), limit);
    }
}
