package dev.herd.recovery.order;

import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.tenancy.CurrentCaller;
import dev.herd.contracts.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;

/** Recovery orders over HTTP: customer users see their own tenant's, MSSP staff see all. */
@Path("/api/orders")
@RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
public class RecoveryOrderResource {

    private final RecoveryOrderRepository orders;
    private final CurrentCaller caller;

    public RecoveryOrderResource(RecoveryOrderRepository orders, CurrentCaller caller) {
        this.orders = orders;
        this.caller = caller;
    }

    @GET
    public List<RecoveryOrderView> list() {
        return orders.listVisible(caller.get().tenantScope()).stream()
                .map(RecoveryOrderView::of)
                .toList();
    }

    @GET
    @Path("/{id}")
    public RecoveryOrderView get(@PathParam("id") UUID id) {
        // Another tenant's order is answered exactly like a missing one: its existence is not disclosed.
        return orders.findVisible(caller.get().tenantScope(), id)
                .map(RecoveryOrderView::of)
                .orElseThrow(() -> HerdException.notFound("order-not-found", "No order " + id + "."));
    }
}
