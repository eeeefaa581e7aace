package dev.herd.contracts.inbox;

/** A message that can never be applied: unreadable, or contradicting what it refers to. */
public class BadMessageException extends RuntimeException {

    public BadMessageException(String message, Throwable cause) {
        super(message, cause);
    }

    public BadMessageException(String message) {
        super(message);
    }
}
