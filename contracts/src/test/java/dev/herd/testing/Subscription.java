package dev.herd.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.function.Predicate;

/** A non-durable subscriber on a topic of the embedded broker: what a service sends from now on. */
public final class Subscription implements AutoCloseable {

    private final JMSContext context;
    private final JMSConsumer consumer;
    private final ObjectMapper json;

    private Subscription(JMSContext context, JMSConsumer consumer, ObjectMapper json) {
        this.context = context;
        this.consumer = consumer;
        this.json = json;
    }

    public static Subscription to(ConnectionFactory connections, ObjectMapper json, String address) {
        JMSContext context = connections.createContext(JMSContext.AUTO_ACKNOWLEDGE);
        return new Subscription(context, context.createConsumer(context.createTopic(address)), json);
    }

    /** The next message of {@code type} that matches, skipping others; fails after {@code timeout}. */
    public <T> T next(Class<T> type, Predicate<T> matching, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Message message = consumer.receive(200);
            if (message == null) {
                continue;
            }
            try {
                T value = json.readValue(((TextMessage) message).getText(), type);
                if (matching.test(value)) {
                    return value;
                }
            } catch (JMSException | JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no matching " + type.getSimpleName() + " within " + timeout);
    }

    /** Asserts that no matching message arrives within {@code wait}. */
    public <T> void none(Class<T> type, Predicate<T> matching, Duration wait) {
        try {
            T unexpected = next(type, matching, wait);
            throw new AssertionError("unexpected message " + unexpected);
        } catch (AssertionError e) {
            if (e.getMessage() != null && e.getMessage().startsWith("unexpected")) {
                throw e;
            }
        }
    }

    @Override
    public void close() {
        consumer.close();
        context.close();
    }
}
