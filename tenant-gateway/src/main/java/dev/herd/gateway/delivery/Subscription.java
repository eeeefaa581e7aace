package dev.herd.gateway.delivery;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * One durable shared subscription read on its own thread in a JMS local transaction: each message is stored (its own
 * database transaction, committed) before the JMS transaction commits, so a crash in between only redelivers what the
 * idempotent handler then ignores. A bad message goes to the dead letters; a store that fails is retried while the
 * message is held (no broker redelivery count is used up), and after {@code storeAttempts} it goes to the dead letters
 * too, unless even that fails (the database is down), in which case it is retried until the database is back. A lost
 * broker connection is reopened with backoff.
 */
final class Subscription implements Runnable {

    private static final Logger LOG = Logger.getLogger(Subscription.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    private final ConnectionFactory connections;
    private final String address;
    private final String name;
    private final Consumer<String> handler;
    private final DeadLetters deadLetters;
    private final int storeAttempts;
    private final Duration maxPause;
    private volatile boolean running = true;

    Subscription(
            ConnectionFactory connections,
            String address,
            String name,
            Consumer<String> handler,
            DeadLetters deadLetters,
            int storeAttempts,
            Duration maxPause) {
        this.connections = connections;
        this.address = address;
        this.name = name;
        this.handler = handler;
        this.deadLetters = deadLetters;
        this.storeAttempts = storeAttempts;
        this.maxPause = maxPause;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        try {
            Duration pause = FIRST_PAUSE;
            while (running) {
                try {
                    consume();
                } catch (JMSRuntimeException | JMSException e) {
                    if (running) {
                        LOG.warnf(
                                "Subscription %s on %s lost its broker (%s); reconnecting in %s",
                                name, address, e, pause);
                        pause = sleep(pause);
                    }
                    continue;
                }
                pause = FIRST_PAUSE;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void consume() throws JMSException, InterruptedException {
        try (JMSContext context = connections.createContext(JMSContext.SESSION_TRANSACTED);
                JMSConsumer consumer = context.createSharedDurableConsumer(context.createTopic(address), name)) {
            LOG.infof("Consuming %s through the durable subscription %s", address, name);
            while (running) {
                Message message = consumer.receive(1_000);
                // Not taken means the gateway stops: closing without commit hands the message back to the broker.
                if (message != null && take(message)) {
                    context.commit();
                }
            }
        }
    }

    /** Stores the message or dead-letters it: true once one of them committed, false when the gateway stops first. */
    private boolean take(Message message) throws JMSException, InterruptedException {
        String id = message.propertyExists(DUPLICATE_ID)
                ? message.getStringProperty(DUPLICATE_ID)
                : message.getJMSMessageID();
        String text = message instanceof TextMessage t ? t.getText() : null;
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1; running; attempt++) {
            try {
                if (text == null) {
                    throw new BadMessage(
                            "not a text message: " + message.getClass().getSimpleName());
                }
                handler.accept(text);
                return true;
            } catch (BadMessage e) {
                if (deadLetter(id, text, e.getMessage())) {
                    return true;
                }
            } catch (RuntimeException e) {
                LOG.warnf("Could not store message %s from %s (try %d): %s", id, address, attempt, e);
                if (attempt >= storeAttempts && deadLetter(id, text, "store failed " + attempt + " times: " + e)) {
                    return true;
                }
            }
            pause = sleep(pause);
        }
        return false;
    }

    private boolean deadLetter(String id, String text, String reason) {
        try {
            deadLetters.record(address, id, text, reason);
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("Could not record dead letter %s from %s either, will try again: %s", id, address, e);
            return false;
        }
    }

    private Duration sleep(Duration pause) throws InterruptedException {
        Thread.sleep(pause);
        Duration next = pause.multipliedBy(2);
        return next.compareTo(maxPause) > 0 ? maxPause : next;
    }
}
