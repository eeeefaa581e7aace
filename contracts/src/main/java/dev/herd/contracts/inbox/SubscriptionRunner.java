package dev.herd.contracts.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Runs one thread per {@link MessageHandler}: a shared durable subscription read in a transacted JMS session. A
 * message is acknowledged only after the database transaction that applied it (and recorded its id) committed, so
 * nothing is lost when the service dies, and a redelivered message is recognised by its id and not applied twice.
 */
@ApplicationScoped
public class SubscriptionRunner {

    private static final Logger LOG = Logger.getLogger(SubscriptionRunner.class);
    private static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    private final ConnectionFactory connections;
    private final Instance<MessageHandler> handlers;
    private final MessageLedger ledger;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    public SubscriptionRunner(ConnectionFactory connections, Instance<MessageHandler> handlers, MessageLedger ledger) {
        this.connections = connections;
        this.handlers = handlers;
        this.ledger = ledger;
    }

    void start(@Observes StartupEvent event) {
        running.set(true);
        for (MessageHandler handler : handlers) {
            Thread thread = Thread.ofPlatform()
                    .name("subscription-" + handler.subscription())
                    .daemon()
                    .start(() -> consume(handler));
            threads.add(thread);
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(5_000);
        }
    }

    private void consume(MessageHandler handler) {
        long backoff = 500;
        while (running.get()) {
            try (JMSContext context = connections.createContext(JMSContext.SESSION_TRANSACTED);
                    JMSConsumer consumer = context.createSharedDurableConsumer(
                            context.createTopic(handler.address()), handler.subscription())) {
                backoff = 500;
                while (running.get()) {
                    Message message = consumer.receive(500);
                    if (message == null) {
                        continue;
                    }
                    if (apply(handler, message)) {
                        context.commit();
                    } else {
                        context.rollback();
                        pause(1_000);
                    }
                }
            } catch (RuntimeException e) {
                LOG.warnf("Subscription %s interrupted (%s); retrying in %d ms", handler.subscription(), e, backoff);
                pause(backoff);
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    /** Applies one message; false when it must be redelivered later (the database was not reachable, say). */
    private boolean apply(MessageHandler handler, Message message) {
        String id = null;
        String payload = null;
        try {
            id = messageId(message);
            payload = message instanceof TextMessage text ? text.getText() : null;
            if (payload == null) {
                throw new BadMessageException(
                        "not a text message: " + message.getClass().getSimpleName());
            }
            String messageId = id;
            String body = payload;
            QuarkusTransaction.requiringNew().run(() -> {
                if (ledger.firstDelivery(handler.subscription(), messageId)) {
                    handler.handle(body);
                }
            });
            return true;
        } catch (BadMessageException e) {
            LOG.warnf("Subscription %s set message %s aside: %s", handler.subscription(), id, e.getMessage());
            ledger.deadLetter(handler.subscription(), id, payload, e.getMessage());
            return true;
        } catch (JMSException | RuntimeException e) {
            LOG.warnf(
                    e,
                    "Subscription %s could not apply message %s; it will be redelivered",
                    handler.subscription(),
                    id);
            return false;
        }
    }

    private static String messageId(Message message) throws JMSException {
        String id = message.getStringProperty(DUPLICATE_ID);
        return id != null ? id : message.getJMSMessageID();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
