package dev.herd.contracts.ratelimit;

import dev.herd.contracts.problem.HerdException;
import java.time.Duration;

/** A caller spent its budget for a limit: a 429 problem with {@code Retry-After}, the whole seconds to wait. */
public class RateLimitedException extends HerdException {

    private final long retryAfterSeconds;

    public RateLimitedException(String limit, Duration wait) {
        super(429, "rate-limited", message(limit, seconds(wait)));
        this.retryAfterSeconds = seconds(wait);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Rounded up, and at least one: a client that waits the advertised time finds a request given back. */
    private static long seconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    private static String message(String limit, long seconds) {
        return "Too many requests for '" + limit + "' from this caller; retry in " + seconds + " s.";
    }
}
