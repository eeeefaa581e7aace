package dev.herd.recovery.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.herd.contracts.isolation.IsolationOrder;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order as the API shows it; {@code history} only when one order is asked for. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecoveryOrderView(
        UUID id,
        String tenantId,
        OrderKind kind,
        OrderState state,
        IsolationOrder.Mode mode,
        String isolationPoint,
        int attempt,
        Instant nextAttemptAt,
        String lastError,
        String driver,
        Instant confirmedAt,
        String confirmedBy,
        Instant createdAt,
        Instant updatedAt,
        List<Event> history) {

    /** One line of the history. */
    public record Event(OrderState state, int attempt, String detail, Instant at) {}

    static RecoveryOrderView of(RecoveryOrder order) {
        return withHistory(order, null);
    }

    static RecoveryOrderView withHistory(RecoveryOrder order, List<OrderEvent> events) {
        return new RecoveryOrderView(
                order.id,
                order.tenantId,
                order.kind,
                order.state,
                order.mode,
                order.isolationPoint,
                order.attempt,
                order.nextAttemptAt,
                order.lastError,
                order.driver,
                order.confirmedAt,
                order.confirmedBy,
                order.createdAt,
                order.updatedAt,
                events == null
                        ? null
                        : events.stream()
                                .map(e -> new Event(e.state, e.attempt, e.detail, e.at))
                                .toList());
    }
}
