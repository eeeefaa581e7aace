package dev.herd.contracts.inbox;

/**
 * Handles the messages of one durable subscription. {@link #handle} runs inside the transaction that also records
 * the message as consumed, so its effects and the consumption commit together. It throws {@link BadMessageException}
 * for a message that can never be applied (it goes to the dead-letter table); any other exception rolls back and the
 * broker redelivers the message later.
 */
public interface MessageHandler {

    /** The Artemis address (a multicast topic) to subscribe to. */
    String address();

    /** The durable subscription's name; also the consumer name in the consumed-message ledger. */
    String subscription();

    void handle(String payload);
}
