package dev.herd.contracts.inbox;

import java.util.List;

/**
 * Handles the messages of one durable subscription. {@link #handle} runs inside the transaction that also records
 * the message as consumed, so its effects and the consumption commit together. It throws {@link BadMessageException}
 * for a message that can never be applied (it goes to the dead-letter table); any other exception rolls back, and
 * the {@link #retryPolicy()} says whether the broker redelivers the message later or the consumer holds and retries it. An {@link Error} rolls back too and ends the consumer's worker thread, which
 * {@link SubscriptionRunner} restarts; the message is redelivered.
 */
public interface MessageHandler {

    /** The Artemis address (a multicast topic) to subscribe to. */
    String address();

    /** The durable subscription's name; also the consumer name in the consumed-message ledger. */
    String subscription();

    /**
     * How many consumers read this subscription at once, each on its own thread, JMS session and consumer of the same
     * shared durable subscription. Messages with the same {@code JMSXGroupID} (the outbox sets it to the message key:
     * a tenant, an advisory) still go to one consumer at a time, in order, while the other consumers take the
     * messages of other groups past them.
     */
    default int consumers() {
        return 1;
    }

    /**
     * How many messages waiting on the subscription one consumer applies together, in one database transaction
     * acknowledged with one broker commit, instead of one transaction and one commit each. A batch that fails is
     * applied again one message at a time, so that a bad message is set aside alone (messages applied before are
     * skipped as redeliveries by the ledger). 1, the default, applies each message alone.
     */
    default int batchSize() {
        return 1;
    }

    /**
     * What becomes of a message whose {@link #handle} failed with anything but a {@link BadMessageException}:
     * {@link RetryPolicy#REDELIVER} (the broker redelivers it) unless the handler holds its messages.
     */
    default RetryPolicy retryPolicy() {
        return RetryPolicy.REDELIVER;
    }

    void handle(String payload);

    /**
     * Applies the messages of a batch (see {@link #batchSize()}), in their order, inside the one transaction that
     * records them all as consumed; redeliveries are already left out. By default {@link #handle} each; a handler
     * overrides it to store a batch with a few statements instead of a few per message. A {@link BadMessageException}
     * fails the batch, which is then applied one message at a time.
     */
    default void handleAll(List<String> payloads) {
        payloads.forEach(this::handle);
    }
}
