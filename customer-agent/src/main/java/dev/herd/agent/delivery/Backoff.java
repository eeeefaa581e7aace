package dev.herd.agent.delivery;

import java.time.Duration;

/** Exponential backoff between delivery attempts: doubles from {@code first} up to {@code max}, reset on success. */
public class Backoff {

    private final Duration first;
    private final Duration max;
    private Duration current;

    public Backoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
    }

    public Duration next() {
        current = current == null ? first : current.multipliedBy(2);
        if (current.compareTo(max) > 0) {
            current = max;
        }
        return current;
    }

    public void reset() {
        current = null;
    }
}
