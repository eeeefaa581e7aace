package dev.herd.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.TextMessage;
import java.util.List;
import java.util.UUID;

/** Sends messages to the embedded broker the way the outbox relay does (duplicate id, group key). */
public final class Messages {

    private Messages() {}

    public static void send(ConnectionFactory connections, ObjectMapper json, String address, List<?> payloads) {
        try (JMSContext context = connections.createContext(JMSContext.SESSION_TRANSACTED)) {
            JMSProducer producer = context.createProducer();
            int inBatch = 0;
            for (Object payload : payloads) {
                TextMessage text =
                        context.createTextMessage(payload instanceof String s ? s : json.writeValueAsString(payload));
                text.setStringProperty("_AMQ_DUPL_ID", UUID.randomUUID().toString());
                producer.send(context.createTopic(address), text);
                if (++inBatch == 500) {
                    context.commit();
                    inBatch = 0;
                }
            }
            context.commit();
        } catch (JsonProcessingException | JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends one text message with a given id (to test redelivery of the same message). */
    public static void sendWithId(ConnectionFactory connections, String address, String payload, String id) {
        try (JMSContext context = connections.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            TextMessage text = context.createTextMessage(payload);
            text.setStringProperty("_AMQ_DUPL_ID", id);
            context.createProducer().send(context.createTopic(address), text);
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
