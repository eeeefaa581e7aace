package dev.herd.recovery.order;

/**
 * Where an order stands: received → executing → applied → confirmed, or failed → retrying (with backoff) → … →
 * escalated. The names are those of {@link dev.herd.contracts.isolation.OrderStatus.State}.
 */
public enum OrderState {
    RECEIVED,
    EXECUTING,
    APPLIED,
    CONFIRMED,
    FAILED,
    RETRYING,
    ESCALATED
}
