package dev.herd.recovery.order;

import java.time.Instant;
import java.util.UUID;

/** An order as the API shows it. */
public record RecoveryOrderView(
        UUID id, String tenantId, OrderKind kind, OrderState state, Instant createdAt, Instant updatedAt) {

    static RecoveryOrderView of(RecoveryOrder order) {
        return new RecoveryOrderView(
                order.id, order.tenantId, order.kind, order.state, order.createdAt, order.updatedAt);
    }
}
