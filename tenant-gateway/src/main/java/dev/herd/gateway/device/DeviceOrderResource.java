package dev.herd.gateway.device;

import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.problem.ProblemDetail;
import dev.herd.contracts.tenancy.Caller;
import dev.herd.contracts.tenancy.CurrentCaller;
import dev.herd.contracts.tenancy.Roles;
import dev.herd.gateway.GatewayConfig;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The gateway as an isolating device of the recovery broker ({@code herd.recovery.devices.<id>.driver=gateway}):
 * {@code POST /api/device/orders} takes the broker's device call with {@code Idempotency-Key} (equal to the body's
 * key) and answers 200 {@code {"confirmed": false, "detail": …}} when applied. Only the broker (role
 * {@code recovery}) and MSSP admins may call it; a tenant-bound caller never can, since orders name any tenant.
 */
@Path("/api/device/orders")
@Tag(name = "Isolating device")
public class DeviceOrderResource {

    private final DeviceOrderService service;
    private final CurrentCaller caller;
    private final GatewayConfig config;

    public DeviceOrderResource(DeviceOrderService service, CurrentCaller caller, GatewayConfig config) {
        this.service = service;
        this.caller = caller;
        this.config = config;
    }

    @POST
    @Operation(summary = "Apply the recovery broker's isolation or recovery call")
    @APIResponse(
            responseCode = "200",
            description = "The call is applied.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DeviceAnswer.class)))
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used for another order.")
    @RolesAllowed({Roles.RECOVERY, Roles.MSSP_ADMIN})
    public Response order(@HeaderParam("Idempotency-Key") String key, DeviceCall call, @Context UriInfo uri) {
        Caller who = caller.get();
        if (who.tenantId().isPresent()) {
            throw HerdException.forbidden(
                    "tenant-bound", "Device orders come from the recovery broker, not from a tenant's caller.");
        }
        if (key == null || key.isBlank()) {
            throw HerdException.badRequest("idempotency-key-missing", "Send the call's key in Idempotency-Key.");
        }
        if (call == null || !key.equals(call.idempotencyKey())) {
            throw HerdException.badRequest(
                    "idempotency-key-mismatch", "Idempotency-Key must equal the body's idempotencyKey.");
        }
        DeviceResult result = service.handle(who.subject(), call);
        return switch (result.state()) {
            case APPLIED -> Response.ok(DeviceAnswer.applied(result.detail())).build();
            case FAILED -> throw new HerdException(422, "step-failed", result.detail());
            case PENDING -> pending(result, uri);
        };
    }

    /** 503 with Retry-After: the broker's retry with the same key picks the agents' results up. */
    private Response pending(DeviceResult result, UriInfo uri) {
        long seconds = Math.max(1, config.device().stepWait().toSeconds());
        return Response.status(503)
                .type(ProblemDetail.MEDIA_TYPE)
                .header("Retry-After", seconds)
                .entity(ProblemDetail.of(503, "Service Unavailable", "step-pending", result.detail(), List.of())
                        .withInstance(uri.getRequestUri().getRawPath()))
                .build();
    }
}
