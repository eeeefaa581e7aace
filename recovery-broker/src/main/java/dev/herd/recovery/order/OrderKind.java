package dev.herd.recovery.order;

/** What an order asks for. */
public enum OrderKind {
    ISOLATE,
    RECOVER,
    UNISOLATE
}
