package dev.herd.portal.damage;

import dev.herd.contracts.isolation.IsolationOrder;
import dev.herd.contracts.isolation.IsolationOrder.Mode;
import dev.herd.contracts.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Issues isolation orders for damage cases through the outbox: one per case and isolation point, and another for
 * the same point only when the mode escalates (RATE_LIMIT → DROP_SIGNATURE → COMPLETE), never a weaker one.
 */
@ApplicationScoped
public class IsolationOrderPublisher {

    private final IsolationOrderRepository orders;
    private final Outbox outbox;

    public IsolationOrderPublisher(IsolationOrderRepository orders, Outbox outbox) {
        this.orders = orders;
        this.outbox = outbox;
    }

    /** What an order for a case says beyond its mode and point. */
    public record Scope(
            String segment,
            List<IsolationOrder.Target> machines,
            String signature,
            int rateLimitPerSecond,
            List<String> owners,
            String reason) {}

    /** Issues the order unless the case has one at this point with this mode or a stronger one; true when issued. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean issueIfNeeded(String tenantId, UUID caseId, String point, Mode mode, Scope scope) {
        boolean covered = orders.ofCase(tenantId, caseId).stream()
                .anyMatch(o -> o.isolationPoint().equals(point) && strength(o.mode()) >= strength(mode));
        if (covered) {
            return false;
        }
        Instant now = Instant.now();
        IsolationOrder order = new IsolationOrder(
                UUID.randomUUID(),
                tenantId,
                IsolationOrder.Kind.ISOLATE,
                mode,
                point,
                scope.segment(),
                scope.machines(),
                mode == Mode.COMPLETE ? null : scope.signature(),
                mode == Mode.RATE_LIMIT ? scope.rateLimitPerSecond() : null,
                List.of(),
                scope.owners(),
                scope.reason(),
                now);
        orders.add(tenantId, caseId, order.orderId(), point, mode, now);
        outbox.enqueue(IsolationOrder.ADDRESS, tenantId, order);
        return true;
    }

    /** How strongly a mode isolates: COMPLETE cuts everything, DROP_SIGNATURE the attack, RATE_LIMIT slows down. */
    public static int strength(Mode mode) {
        return switch (mode) {
            case COMPLETE -> 3;
            case DROP_SIGNATURE -> 2;
            case RATE_LIMIT -> 1;
        };
    }
}
