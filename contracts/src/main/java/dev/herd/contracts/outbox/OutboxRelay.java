package dev.herd.contracts.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.activemq.artemis.api.core.ActiveMQDuplicateIdException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends pending outbox messages to Artemis, oldest first, a batch per broker transaction, and marks them sent once the
 * broker has committed them; sent messages are deleted after {@code herd.outbox.keep-sent}. A batch whose send fails
 * stays pending and is tried again on the next run; Artemis' duplicate detection (the outbox id as
 * {@code _AMQ_DUPL_ID}) drops the copy when a commit succeeded but the marking did not. Artemis then refuses the whole
 * transaction, so such a batch is sent again one message a transaction: a message the broker already holds counts as
 * sent, and the batch stops at the first other failure (the order of a key's messages is kept).
 *
 * <p>Runs right after every commit that put messages on the outbox (on a thread of its own, so the committing request
 * does not wait for the broker), and every {@code herd.outbox.interval} for what an earlier run could not send or
 * another instance wrote. One run at a time: a commit during a run makes that run go round once more.
 *
 * <p>One relay of a service sends at a time, whichever instance it runs in: a batch is read, sent and marked inside a
 * transaction that holds the schema's relay lock ({@link Outbox#tryRelayLock}). Two replicas sending the same pending
 * messages to two broker nodes would route them twice and could reorder a key's messages; an instance that finds the
 * lock taken tries again shortly (the holder's batch takes milliseconds), then leaves it to its next run.
 *
 * <p>The relay keeps one broker connection (a transacted {@link JMSContext}) from run to run, and opens a new one only
 * after a failure: opening a connection (TCP, log-in, session metadata) and closing it cost more than sending a
 * batch, and every hop from damage to prevention passes a relay.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;
    /** What a batch gives when another instance holds the relay lock. */
    private static final int BUSY = -1;

    private static final int BUSY_RETRIES = 50;
    private static final long BUSY_PAUSE_MILLIS = 20;
    private static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    private final Outbox outbox;
    private final ConnectionFactory connections;
    private final Duration keepSent;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final ReentrantLock running = new ReentrantLock();
    private final ExecutorService afterCommit = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("herd-outbox-relay").daemon().factory());
    /** The broker connection kept between runs; used and replaced only while {@link #running} is held. */
    private JMSContext context;

    public OutboxRelay(
            Outbox outbox,
            ConnectionFactory connections,
            @ConfigProperty(name = "herd.outbox.keep-sent", defaultValue = "1m") Duration keepSent) {
        this.outbox = outbox;
        this.connections = connections;
        this.keepSent = keepSent;
    }

    @Scheduled(every = "${herd.outbox.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        requested.set(true);
        drain();
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxEnqueued enqueued) {
        if (!requested.getAndSet(true)) {
            afterCommit.execute(this::drain);
        }
    }

    @PreDestroy
    void stop() {
        afterCommit.shutdownNow();
        try {
            if (running.tryLock(5, TimeUnit.SECONDS)) { // a run stuck on the broker does not hold up the shutdown
                try {
                    dropContext();
                } finally {
                    running.unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Relays until nothing more was asked for; whoever holds the run goes round again for a request made meanwhile. */
    private void drain() {
        while (requested.get() && running.tryLock()) {
            try {
                while (requested.getAndSet(false)) {
                    int sent;
                    int busy = 0;
                    do {
                        sent = sendBatchHoldingTheRun();
                    } while (sent == BATCH || (sent == BUSY && busy++ < BUSY_RETRIES && pausedWhileBusy()));
                    if (sent == BUSY) {
                        requested.set(true); // another instance is still relaying: the next run tries again
                        return;
                    }
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "Outbox relay run failed; the messages stay pending for the next run");
                return;
            } finally {
                running.unlock();
            }
        }
    }

    /**
     * Sends one batch in one broker transaction and marks what the broker committed as sent; returns how many were
     * sent (0 when another instance was relaying). One commit per batch instead of one durable round trip per
     * message: the broker syncs its journal once.
     */
    public int sendBatch() {
        running.lock(); // reentrant: a run holds it already
        try {
            return Math.max(0, sendBatchHoldingTheRun());
        } finally {
            running.unlock();
        }
    }

    /** A batch under the service's relay lock, or {@link #BUSY} when another instance holds it. */
    private int sendBatchHoldingTheRun() {
        return QuarkusTransaction.requiringNew().call(() -> outbox.tryRelayLock() ? sendPending() : BUSY);
    }

    private static boolean pausedWhileBusy() {
        try {
            Thread.sleep(BUSY_PAUSE_MILLIS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private int sendPending() {
        List<OutboxMessage> batch = outbox.pending(BATCH);
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            JMSContext broker = context();
            JMSProducer producer = broker.createProducer();
            for (OutboxMessage message : batch) {
                send(broker, producer, message);
            }
            broker.commit();
        } catch (Exception e) {
            dropContext(); // closing it rolls back what was sent of the batch
            if (duplicate(e)) {
                // Some of the batch reached the broker before (a commit whose answer was lost, or another relay).
                return sendOneByOne(batch);
            }
            // Nothing of the batch counts as sent.
            LOG.warnf("Outbox relay could not send a batch of %d messages: %s", batch.size(), e.getMessage());
            markFailed(batch.getFirst(), e);
            return 0;
        }
        markSent(batch.stream().map(message -> message.id).toList());
        return batch.size();
    }

    /** Each message in a transaction of its own; one the broker already holds is sent. How many count as sent. */
    private int sendOneByOne(List<OutboxMessage> batch) {
        List<UUID> sent = new ArrayList<>();
        try {
            JMSContext broker = context();
            JMSProducer producer = broker.createProducer();
            for (OutboxMessage message : batch) {
                try {
                    send(broker, producer, message);
                    broker.commit();
                } catch (Exception e) {
                    if (!duplicate(e)) {
                        LOG.warnf("Outbox relay could not send message %s: %s", message.id, e.getMessage());
                        dropContext();
                        markFailed(message, e);
                        break;
                    }
                }
                sent.add(message.id);
            }
        } catch (RuntimeException e) {
            dropContext();
            LOG.warnf("Outbox relay could not reach the broker: %s", e.getMessage());
        }
        if (!sent.isEmpty()) {
            markSent(sent);
        }
        return sent.size();
    }

    /** The kept broker connection, opened when there is none. */
    private JMSContext context() {
        if (context == null) {
            context = connections.createContext(JMSContext.SESSION_TRANSACTED);
        }
        return context;
    }

    /** Closes the kept connection (rolling back what it had not committed); the next send opens a new one. */
    private void dropContext() {
        if (context == null) {
            return;
        }
        try {
            context.close();
        } catch (RuntimeException e) {
            LOG.debugf("Outbox relay: closing a failed broker connection failed too: %s", e.getMessage());
        }
        context = null;
    }

    private static void send(JMSContext context, JMSProducer producer, OutboxMessage message) throws JMSException {
        TextMessage text = context.createTextMessage(message.payload);
        text.setStringProperty(DUPLICATE_ID, message.id.toString());
        text.setStringProperty("herd_key", message.messageKey);
        // Same key, same group: consumers see the messages of one key (an advisory, a machine) in order.
        text.setStringProperty("JMSXGroupID", message.messageKey);
        producer.send(context.createTopic(message.address), text);
    }

    /** Whether Artemis refused the transaction because a message in it was already there. */
    static boolean duplicate(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ActiveMQDuplicateIdException
                    || (cause.getMessage() != null && cause.getMessage().startsWith("Duplicate message detected"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Marks the batch sent in the transaction that holds the relay lock (one connection): a second transaction here
     * would wait behind any lock request queued for the outbox table (a TRUNCATE, an ALTER) that itself waits for the
     * first, a deadlock PostgreSQL cannot see.
     */
    private void markSent(List<UUID> ids) {
        QuarkusTransaction.joiningExisting()
                .run(() -> outbox.update("sentAt = ?1, attempts = attempts + 1 where id in ?2", Instant.now(), ids));
    }

    /**
     * Deletes messages sent more than {@code herd.outbox.keep-sent} ago: the outbox holds what is still to send and
     * a short tail of what left (to look at), not every inventory ever forwarded.
     */
    @Scheduled(every = "${herd.outbox.purge-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void purgeSent() {
        Instant before = Instant.now().minus(keepSent);
        long deleted = QuarkusTransaction.requiringNew().call(() -> outbox.delete("sentAt < ?1", before));
        if (deleted > 0) {
            LOG.debugf("Outbox: %d messages sent before %s deleted", deleted, before);
        }
    }

    private void markFailed(OutboxMessage message, Exception e) {
        QuarkusTransaction.joiningExisting()
                .run(() -> outbox.update(
                        "attempts = attempts + 1, lastError = ?1 where id = ?2",
                        String.valueOf(e.getMessage()),
                        message.id));
    }
}
