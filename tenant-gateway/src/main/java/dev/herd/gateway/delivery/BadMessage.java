package dev.herd.gateway.delivery;

/** A message that can never be stored as it is (unreadable JSON, a missing key field): it goes to the dead letters. */
public class BadMessage extends RuntimeException {

    public BadMessage(String reason) {
        super(reason);
    }

    public BadMessage(String reason, Throwable cause) {
        super(reason, cause);
    }
}
