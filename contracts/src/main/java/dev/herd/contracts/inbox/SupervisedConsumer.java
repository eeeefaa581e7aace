package dev.herd.contracts.inbox;

import jakarta.jms.JMSRuntimeException;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keeps one consumer of a subscription running: each run on a fresh worker thread, and when that thread ends for any
 * reason (an exception, an {@link Error}) a new one after a {@link RestartBackoff} pause. Says whether it is consuming
 * now, and if not, why.
 */
final class SupervisedConsumer {

    private static final Logger LOG = Logger.getLogger(SupervisedConsumer.class);

    private final MessageHandler handler;
    private final int number;
    private final SubscriptionConsumer consumer;
    private final RestartBackoff backoff;
    private final ScheduledExecutorService restarts;
    private volatile boolean running;
    private volatile Thread worker;
    private volatile long consumingSince;
    private volatile String state = "not started";

    SupervisedConsumer(
            MessageHandler handler,
            int number,
            SubscriptionConsumer consumer,
            RestartBackoff backoff,
            ScheduledExecutorService restarts) {
        this.handler = handler;
        this.number = number;
        this.consumer = consumer;
        this.backoff = backoff;
        this.restarts = restarts;
    }

    String subscription() {
        return handler.subscription();
    }

    /** This consumer's number within its subscription, from 1. */
    int number() {
        return number;
    }

    boolean consuming() {
        return consumingSince != 0;
    }

    /** "consuming", "starting", or why it is not consuming ("restarting after OutOfMemoryError: …"). */
    String state() {
        return state;
    }

    void start() {
        running = true;
        launch();
    }

    void stop() {
        running = false;
    }

    /** Waits up to {@code timeout} for the current worker thread to end. */
    void awaitStopped(Duration timeout) throws InterruptedException {
        Thread current = worker;
        if (current != null) {
            current.join(timeout);
        }
    }

    private void launch() {
        if (!running) {
            return;
        }
        state = "starting";
        try {
            worker = Thread.ofPlatform()
                    .name("subscription-" + handler.subscription() + "-" + number)
                    .daemon()
                    .start(this::work);
        } catch (Throwable e) {
            // No thread to be had (OutOfMemoryError: unable to create native thread): try again later.
            restartAfter(e, backoff.next(Duration.ZERO));
        }
    }

    private void work() {
        Throwable cause = null;
        try {
            consumer.consume(() -> running, this::started);
        } catch (Throwable e) {
            cause = e;
        }
        long since = consumingSince;
        consumingSince = 0;
        if (!running) {
            state = "stopped";
            return;
        }
        restartAfter(cause, backoff.next(since == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - since)));
    }

    private void restartAfter(Throwable cause, Duration pause) {
        state = cause == null
                ? "restarting after its worker returned"
                : "restarting after " + cause.getClass().getSimpleName() + ": " + cause.getMessage();
        try {
            restarts.schedule(this::launch, pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            state = "stopped";
            return;
        }
        logEnd(cause, pause);
    }

    private void started() {
        consumingSince = System.nanoTime() | 1; // never 0, which means "not consuming"
        state = "consuming";
    }

    private void logEnd(Throwable cause, Duration pause) {
        String what = "Subscription %s: consumer %d ended; restarting in %d ms";
        if (cause instanceof JMSRuntimeException) {
            // The broker went away: its own health check says so; the stack trace would add nothing.
            LOG.errorf(what + " (%s)", handler.subscription(), number, pause.toMillis(), cause);
        } else {
            LOG.errorf(cause, what, handler.subscription(), number, pause.toMillis());
        }
    }
}
