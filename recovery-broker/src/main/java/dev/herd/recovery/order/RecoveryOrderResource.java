package dev.herd.recovery.order;

import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.tenancy.Caller;
import dev.herd.contracts.tenancy.CurrentCaller;
import dev.herd.contracts.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Recovery orders over HTTP: customer users see their own tenant's, MSSP staff see all. Gateways and MSSP admins
 * confirm applied orders; MSSP admins retry escalated ones.
 */
@Path("/api/orders")
@RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
@Tag(name = "Recovery orders")
public class RecoveryOrderResource {

    private final RecoveryOrderRepository orders;
    private final OrderEventRepository events;
    private final OrderLifecycle lifecycle;
    private final CurrentCaller caller;

    public RecoveryOrderResource(
            RecoveryOrderRepository orders,
            OrderEventRepository events,
            OrderLifecycle lifecycle,
            CurrentCaller caller) {
        this.orders = orders;
        this.events = events;
        this.lifecycle = lifecycle;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List the recovery orders you may see")
    public List<RecoveryOrderView> list() {
        return orders.listVisible(caller.get().tenantScope()).stream()
                .map(RecoveryOrderView::of)
                .toList();
    }

    @GET
    @Operation(summary = "Show an order with its history")
    @Path("/{id}")
    public RecoveryOrderView get(@PathParam("id") UUID id) {
        RecoveryOrder order = visible(caller.get(), id);
        return RecoveryOrderView.withHistory(order, events.history(order.tenantId, order.id));
    }

    /** The isolation (or recovery) took effect: APPLIED → CONFIRMED. A gateway confirms only its own tenant's. */
    @POST
    @Operation(summary = "Confirm that an applied order took effect")
    @APIResponse(
            responseCode = "200",
            description = "The order, confirmed.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RecoveryOrderView.class)))
    @APIResponse(responseCode = "409", description = "The order is not in state APPLIED.")
    @Path("/{id}/confirm")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.GATEWAY})
    @Transactional
    public RecoveryOrderView confirm(@PathParam("id") UUID id) {
        Caller who = caller.get();
        RecoveryOrder order = lockedVisible(who, id);
        lifecycle.confirm(order, who.subject(), "confirmed by " + who.subject());
        return RecoveryOrderView.of(order);
    }

    /** Runs an ESCALATED order again with fresh attempts. */
    @POST
    @Operation(summary = "Run an escalated order again")
    @APIResponse(
            responseCode = "200",
            description = "The order, running again.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RecoveryOrderView.class)))
    @APIResponse(responseCode = "409", description = "The order is not escalated.")
    @Path("/{id}/retry")
    @RolesAllowed(Roles.MSSP_ADMIN)
    @Transactional
    public RecoveryOrderView retry(@PathParam("id") UUID id) {
        Caller who = caller.get();
        RecoveryOrder order = lockedVisible(who, id);
        lifecycle.retry(order, who.subject());
        return RecoveryOrderView.of(order);
    }

    private RecoveryOrder visible(Caller who, UUID id) {
        // Another tenant's order is answered exactly like a missing one: its existence is not disclosed.
        return orders.findVisible(who.tenantScope(), id)
                .orElseThrow(() -> HerdException.notFound("order-not-found", "No order " + id + "."));
    }

    private RecoveryOrder lockedVisible(Caller who, UUID id) {
        RecoveryOrder order = visible(who, id);
        // Waits for an executor that holds the row, so a confirmation never races a transition.
        orders.getEntityManager().refresh(order, LockModeType.PESSIMISTIC_WRITE);
        return order;
    }
}
