package dev.herd.contracts.inbox;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One consumer of a shared durable subscription, read in a transacted JMS session until the service stops. A message
 * is acknowledged only after the {@link Inbox} committed it to the database, so nothing is lost when the consumer
 * ends midway: closing the session without a commit hands the message back to the broker. A message that failed is
 * rolled back or held as the handler's {@link RetryPolicy} says. Whatever ends the consumer (a lost broker, an
 * {@link Error} in a handler) is thrown to the {@link SupervisedConsumer} that restarts it.
 */
final class SubscriptionConsumer {

    private static final long RECEIVE_MILLIS = 500;
    private static final Duration REDELIVERY_PAUSE = Duration.ofSeconds(1);

    private final ConnectionFactory connections;
    private final Inbox inbox;
    private final MessageHandler handler;

    SubscriptionConsumer(ConnectionFactory connections, Inbox inbox, MessageHandler handler) {
        this.connections = connections;
        this.inbox = inbox;
        this.handler = handler;
    }

    /** Consumes while {@code running}; calls {@code consuming} once the broker accepted the consumer. */
    void consume(BooleanSupplier running, Runnable consuming) throws InterruptedException {
        try (JMSContext context = connections.createContext(JMSContext.SESSION_TRANSACTED);
                JMSConsumer consumer = context.createSharedDurableConsumer(
                        context.createTopic(handler.address()), handler.subscription())) {
            consuming.run();
            while (running.getAsBoolean()) {
                Message message = consumer.receive(RECEIVE_MILLIS);
                if (message == null) {
                    continue;
                }
                List<Message> batch = waiting(consumer, message);
                if ((batch.size() > 1 && inbox.deliverTogether(handler, batch)) || takeEach(batch, running)) {
                    context.commit();
                } else {
                    context.rollback();
                    pause(REDELIVERY_PAUSE, running);
                }
            }
        }
    }

    /** The message and those already waiting behind it, up to the handler's batch size. */
    private List<Message> waiting(JMSConsumer consumer, Message first) {
        List<Message> batch = new ArrayList<>();
        batch.add(first);
        while (batch.size() < handler.batchSize()) {
            Message next = consumer.receiveNoWait();
            if (next == null) {
                break;
            }
            batch.add(next);
        }
        return batch;
    }

    /** Applies the messages one at a time; false as soon as one must go back to the broker. */
    private boolean takeEach(List<Message> batch, BooleanSupplier running) throws InterruptedException {
        for (Message message : batch) {
            if (!take(message, running)) {
                return false;
            }
        }
        return true;
    }

    /** True when the message is done with and may be acknowledged; false when it goes back to the broker. */
    private boolean take(Message message, BooleanSupplier running) throws InterruptedException {
        if (!(handler.retryPolicy() instanceof RetryPolicy.Hold hold)) {
            return inbox.deliver(handler, message);
        }
        Duration pause = RetryPolicy.Hold.FIRST_PAUSE;
        for (int attempt = 1; running.getAsBoolean(); attempt++) {
            String then = attempt < hold.attempts()
                    ? "held, try " + (attempt + 1) + " of " + hold.attempts() + " in " + pause.toMillis() + " ms"
                    : "held; it goes to the dead letters";
            Exception failure = inbox.tryOnce(handler, message, then);
            if (failure == null) {
                return true;
            }
            if (attempt >= hold.attempts()
                    && inbox.setAside(handler, message, "failed " + attempt + " times: " + failure)) {
                return true;
            }
            pause(pause, running);
            pause = hold.after(pause);
        }
        return false; // the service stops: the message goes back to the broker
    }

    /** Sleeps for {@code pause}, or less when the service stops meanwhile. */
    private static void pause(Duration pause, BooleanSupplier running) throws InterruptedException {
        long end = System.nanoTime() + pause.toNanos();
        for (long left = pause.toMillis(); left > 0 && running.getAsBoolean(); ) {
            Thread.sleep(Math.min(left, RECEIVE_MILLIS));
            left = (end - System.nanoTime()) / 1_000_000;
        }
    }
}
