package dev.herd.contracts.isolation;

import java.time.Instant;
import java.util.UUID;

/**
 * Message on {@value #ADDRESS}: where an {@link IsolationOrder} stands in the recovery broker. An order goes
 * RECEIVED → EXECUTING → APPLIED → CONFIRMED, or FAILED → RETRYING (with backoff) → … → ESCALATED when it keeps
 * failing. One message per transition; {@code attempt} counts executions.
 */
public record OrderStatus(UUID orderId, String tenantId, State state, int attempt, String detail, Instant at) {

    public static final String ADDRESS = "herd.order-status";

    /** The states of an order. */
    public enum State {
        RECEIVED,
        EXECUTING,
        APPLIED,
        CONFIRMED,
        FAILED,
        RETRYING,
        ESCALATED
    }
}
