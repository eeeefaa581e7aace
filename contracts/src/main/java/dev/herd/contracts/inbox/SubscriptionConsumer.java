package dev.herd.contracts.inbox;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import java.util.function.BooleanSupplier;

/**
 * One consumer of a shared durable subscription, read in a transacted JMS session until the service stops. A message
 * is acknowledged only after the {@link Inbox} committed it to the database, so nothing is lost when the consumer
 * ends midway: closing the session without a commit hands the message back to the broker. Whatever ends the consumer
 * (a lost broker, an {@link Error} in a handler) is thrown to the {@link SupervisedConsumer} that restarts it.
 */
final class SubscriptionConsumer {

    private static final long RECEIVE_MILLIS = 500;
    private static final long REDELIVERY_PAUSE_MILLIS = 1_000;

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
                if (inbox.deliver(handler, message)) {
                    context.commit();
                } else {
                    context.rollback();
                    Thread.sleep(REDELIVERY_PAUSE_MILLIS);
                }
            }
        }
    }
}
