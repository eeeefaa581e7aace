package dev.herd.recovery.order;

/** Where an order stands: received → executing → applied → confirmed, or failed → (retried) → escalated. */
public enum OrderState {
    RECEIVED,
    EXECUTING,
    APPLIED,
    CONFIRMED,
    FAILED,
    ESCALATED
}
