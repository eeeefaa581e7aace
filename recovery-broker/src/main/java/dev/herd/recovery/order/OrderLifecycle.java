package dev.herd.recovery.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.isolation.IsolationOrder;
import dev.herd.contracts.isolation.OrderStatus;
import dev.herd.contracts.outbox.Outbox;
import dev.herd.contracts.problem.HerdException;
import dev.herd.recovery.RecoveryConfig;
import dev.herd.recovery.notice.OwnerNotices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;

/**
 * The state machine of an order. Every transition writes a history line and an {@link OrderStatus} to the outbox in
 * the caller's transaction; CONFIRMED and ESCALATED also write a mail to each owner.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OrderLifecycle {

    private final OrderEventRepository events;
    private final Outbox outbox;
    private final OwnerNotices notices;
    private final ObjectMapper json;
    private final RecoveryConfig.Retry retry;

    public OrderLifecycle(
            OrderEventRepository events,
            Outbox outbox,
            OwnerNotices notices,
            ObjectMapper json,
            RecoveryConfig config) {
        this.events = events;
        this.outbox = outbox;
        this.notices = notices;
        this.json = json;
        this.retry = config.retry();
    }

    /** RECEIVED/RETRYING → EXECUTING: a new attempt starts. */
    public void start(RecoveryOrder order) {
        order.attempt++;
        order.nextAttemptAt = null;
        move(order, OrderState.EXECUTING, "attempt " + order.attempt);
    }

    /** EXECUTING → APPLIED: the device took the order; it waits for confirmation. */
    public void applied(RecoveryOrder order, String driver, String detail) {
        order.driver = driver;
        order.lastError = null;
        move(order, OrderState.APPLIED, detail);
    }

    /**
     * EXECUTING → FAILED, then RETRYING after a backoff while attempts are left and the failure is retriable, else
     * ESCALATED.
     */
    public void failed(RecoveryOrder order, String error, boolean retriable) {
        order.lastError = error;
        move(order, OrderState.FAILED, error);
        if (retriable && order.attempt < retry.maxAttempts()) {
            Duration delay = backoff(order.attempt);
            order.nextAttemptAt = Instant.now().plus(delay);
            move(
                    order,
                    OrderState.RETRYING,
                    "attempt " + (order.attempt + 1) + " of " + retry.maxAttempts() + " in " + delay);
        } else {
            String why = retriable ? "failed " + order.attempt + " times" : "cannot be executed";
            move(order, OrderState.ESCALATED, "Escalated to the owners: the order " + why + ". Last error: " + error);
            tellOwners(order, "escalated", "needs your attention: it " + why + ".\nLast error: " + error);
        }
    }

    /** APPLIED → CONFIRMED; confirming a confirmed order again changes nothing. */
    public void confirm(RecoveryOrder order, String by, String detail) {
        if (order.state == OrderState.CONFIRMED) {
            return;
        }
        if (order.state != OrderState.APPLIED) {
            throw HerdException.conflict(
                    "order-not-applied",
                    "Order " + order.id + " is " + order.state + "; only APPLIED orders can be " + "confirmed.");
        }
        order.confirmedAt = Instant.now();
        order.confirmedBy = by;
        move(order, OrderState.CONFIRMED, detail);
        tellOwners(order, "confirmed", "was applied and confirmed (" + detail + ").");
    }

    /** ESCALATED → RETRYING at once with fresh attempts (an operator fixed the cause). */
    public void retry(RecoveryOrder order, String by) {
        if (order.state != OrderState.ESCALATED) {
            throw HerdException.conflict(
                    "order-not-escalated",
                    "Order " + order.id + " is " + order.state + "; only ESCALATED orders can be retried.");
        }
        order.attempt = 0;
        order.nextAttemptAt = Instant.now();
        move(order, OrderState.RETRYING, "retry requested by " + by);
    }

    /** A history line without a transition (a playbook step, a resumption). */
    public void note(RecoveryOrder order, String detail) {
        events.persist(OrderEvent.of(order, detail, Instant.now()));
    }

    /** The order as it was received. */
    public IsolationOrder message(RecoveryOrder order) {
        try {
            return json.readValue(order.orderJson, IsolationOrder.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Order " + order.id + " holds unreadable JSON", e);
        }
    }

    Duration backoff(int attempt) {
        Duration delay = retry.base().multipliedBy(1L << Math.min(attempt - 1, 30));
        return delay.compareTo(retry.maxDelay()) > 0 ? retry.maxDelay() : delay;
    }

    void move(RecoveryOrder order, OrderState to, String detail) {
        Instant now = Instant.now();
        order.state = to;
        order.updatedAt = now;
        events.persist(OrderEvent.of(order, detail, now));
        outbox.enqueue(
                OrderStatus.ADDRESS,
                order.id.toString(),
                new OrderStatus(
                        order.id, order.tenantId, OrderStatus.State.valueOf(to.name()), order.attempt, detail, now));
    }

    private void tellOwners(RecoveryOrder order, String outcome, String sentence) {
        IsolationOrder message = message(order);
        String subject = "Herd order " + order.kind + " " + outcome + " (" + order.tenantId + ")";
        notices.tell(order.id, order.tenantId, message.owners(), subject, OrderSummary.of(message, sentence));
    }
}
