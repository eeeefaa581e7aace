package dev.herd.contracts.inbox;

import dev.herd.contracts.problem.ProblemDetailsMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Applies one delivered message to its handler, once: the handler's effects and the message id in the ledger commit
 * in one database transaction; a redelivered id is skipped; a bad message is set aside in the dead-letter table.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    private final MessageLedger ledger;

    public Inbox(MessageLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * True when the message is done with (applied, a redelivery, or set aside): the JMS session may commit. False
     * when it must be redelivered later (the database was not reachable, say). An {@link Error} is rethrown as is,
     * after the database transaction rolled back, so that the consumer's worker ends and the message is redelivered.
     */
    boolean deliver(MessageHandler handler, Message message) {
        return tryOnce(handler, message, "it will be redelivered") == null;
    }

    /**
     * Tries to apply the message once, in a new database transaction: null when it is done with (applied, a
     * redelivery, or set aside), otherwise why it failed, logged with {@code then}: what becomes of the message. An
     * {@link Error} is rethrown as is, as in {@link #deliver}.
     */
    Exception tryOnce(MessageHandler handler, Message message, String then) {
        String id = null;
        String payload = null;
        try {
            id = messageId(message);
            payload = payload(message);
            if (payload == null) {
                throw new BadMessageException(
                        "not a text message: " + message.getClass().getSimpleName());
            }
            apply(handler, id, payload);
            return null;
        } catch (BadMessageException e) {
            LOG.warnf("Subscription %s set message %s aside: %s", handler.subscription(), id, e.getMessage());
            return record(handler, id, payload, e.getMessage()) ? null : e;
        } catch (RuntimeException e) {
            if (ProblemDetailsMapper.isDataException(e)) {
                // A value PostgreSQL refuses (NUL in text, a number out of range) fails the same way every time.
                LOG.warnf(
                        "Subscription %s set message %s aside: data the database refuses: %s",
                        handler.subscription(), id, e);
                return record(handler, id, payload, "data the database refuses: " + e.getMessage()) ? null : e;
            }
            LOG.warnf(e, "Subscription %s could not apply message %s; %s", handler.subscription(), id, then);
            return e;
        } catch (JMSException e) {
            LOG.warnf(e, "Subscription %s could not apply message %s; %s", handler.subscription(), id, then);
            return e;
        }
    }

    /**
     * Applies the messages in one database transaction (each recorded in the ledger, a redelivered one skipped): true
     * when all were applied and the JMS session may commit; false, with nothing applied, when any failed (the caller
     * then applies them one at a time, which sets a bad message aside alone). An {@link Error} is rethrown as in
     * {@link #deliver}.
     */
    boolean deliverTogether(MessageHandler handler, List<Message> messages) {
        List<String> ids = new ArrayList<>(messages.size());
        List<String> payloads = new ArrayList<>(messages.size());
        try {
            for (Message message : messages) {
                ids.add(messageId(message));
                payloads.add(payload(message));
            }
        } catch (JMSException e) {
            return false;
        }
        if (payloads.contains(null)) {
            return false; // not a text message: set aside alone
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Map<String, String> byId = new LinkedHashMap<>();
                for (int i = 0; i < ids.size(); i++) {
                    byId.putIfAbsent(ids.get(i), payloads.get(i));
                }
                List<String> fresh = ledger.firstDeliveries(handler.subscription(), List.copyOf(byId.keySet()));
                if (!fresh.isEmpty()) {
                    handler.handleAll(fresh.stream().map(byId::get).toList());
                }
            });
            return true;
        } catch (QuarkusTransactionException e) {
            failedTogether(handler, messages.size(), errorInside(e));
            return false;
        } catch (RuntimeException e) {
            failedTogether(handler, messages.size(), e);
            return false;
        }
    }

    private static void failedTogether(MessageHandler handler, int count, RuntimeException failure) {
        LOG.debugf(
                failure,
                "Subscription %s could not apply %d messages together; applying them one at a time",
                handler.subscription(),
                count);
    }

    /** Sets the message aside in the dead-letter table with the reason; false when even that failed. */
    boolean setAside(MessageHandler handler, Message message, String reason) {
        try {
            String id = messageId(message);
            LOG.warnf("Subscription %s set message %s aside: %s", handler.subscription(), id, reason);
            return record(handler, id, payload(message), reason);
        } catch (JMSException e) {
            LOG.warnf(e, "Subscription %s could not read the message it sets aside", handler.subscription());
            return false;
        }
    }

    private boolean record(MessageHandler handler, String id, String payload, String reason) {
        try {
            ledger.deadLetter(handler.subscription(), id, payload, reason);
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("Subscription %s could not set message %s aside either: %s", handler.subscription(), id, e);
            return false;
        }
    }

    private void apply(MessageHandler handler, String messageId, String payload) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (ledger.firstDelivery(handler.subscription(), messageId)) {
                    handler.handle(payload);
                }
            });
        } catch (QuarkusTransactionException e) {
            // QuarkusTransaction rolls back on any Throwable but wraps what is not a RuntimeException, Errors too.
            throw errorInside(e);
        }
    }

    /** The Error the transaction wrapped, thrown; otherwise the exception itself, to be thrown by the caller. */
    private static QuarkusTransactionException errorInside(QuarkusTransactionException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof Error error) {
                throw error;
            }
            if (!(cause instanceof QuarkusTransactionException)) {
                break;
            }
        }
        return e;
    }

    private static String payload(Message message) throws JMSException {
        return message instanceof TextMessage text ? text.getText() : null;
    }

    private static String messageId(Message message) throws JMSException {
        String id = message.getStringProperty(DUPLICATE_ID);
        return id != null ? id : message.getJMSMessageID();
    }
}
