package dev.herd.contracts.inbox;

import java.time.Duration;

/**
 * What a consumer does with a message whose handler failed for a passing reason (the database is away, say):
 * {@link #REDELIVER} rolls it back to the broker, {@link Hold} keeps it and tries again. A {@link BadMessageException}
 * sets the message aside under either policy.
 */
public sealed interface RetryPolicy {

    /** Roll the JMS session back: the broker redelivers the message after a pause, and counts the delivery. */
    RetryPolicy REDELIVER = new Redeliver();

    /** Keep the message and try it again; see {@link Hold}. */
    static RetryPolicy hold(int attempts, Duration maxPause) {
        return new Hold(attempts, maxPause);
    }

    /** Rolled back to the broker, which redelivers it; Artemis drops it after {@code max-delivery-attempts}. */
    record Redeliver() implements RetryPolicy {}

    /**
     * Kept, without rolling the JMS session back, and tried again in a new database transaction after a pause that
     * doubles from {@link #FIRST_PAUSE} up to {@code maxPause}: a long database outage uses up no broker delivery
     * attempts. After {@code attempts} tries the message is set aside in the dead-letter table; while even that fails
     * (the database is down), it is held and tried on.
     */
    record Hold(int attempts, Duration maxPause) implements RetryPolicy {

        /** The pause before the second try. */
        public static final Duration FIRST_PAUSE = Duration.ofMillis(200);

        public Hold {
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
            }
            if (maxPause.compareTo(FIRST_PAUSE) < 0) {
                maxPause = FIRST_PAUSE;
            }
        }

        /** The pause after one of {@code pause}: twice as long, up to {@code maxPause}. */
        Duration after(Duration pause) {
            Duration doubled = pause.multipliedBy(2);
            return doubled.compareTo(maxPause) > 0 ? maxPause : doubled;
        }
    }
}
