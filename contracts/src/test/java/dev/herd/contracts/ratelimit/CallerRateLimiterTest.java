package dev.herd.contracts.ratelimit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallerRateLimiterTest {

    private final CallerRateLimiter limiter = new CallerRateLimiter(
            () -> Map.of("reports", budget(3, Duration.ofMinutes(1)), "enrol", budget(1, Duration.ofHours(1))));

    @Test
    void aCallerGetsItsBurstThenWaitsForARequestToComeBack() {
        for (int i = 0; i < 3; i++) {
            limiter.admit("reports", "agent-a");
        }
        RateLimitedException refused =
                assertThrows(RateLimitedException.class, () -> limiter.admit("reports", "agent-a"));
        assertEquals(429, refused.status());
        assertEquals("rate-limited", refused.code());
        // Three requests a minute come back one every 20 s.
        assertTrue(
                refused.retryAfterSeconds() >= 19 && refused.retryAfterSeconds() <= 20,
                "Retry-After " + refused.retryAfterSeconds());
    }

    @Test
    void callersAndLimitsHaveBucketsOfTheirOwn() {
        limiter.admit("enrol", "10.0.0.1");
        assertThrows(RateLimitedException.class, () -> limiter.admit("enrol", "10.0.0.1"));
        assertDoesNotThrow(() -> limiter.admit("enrol", "10.0.0.2"));
        assertDoesNotThrow(() -> limiter.admit("reports", "10.0.0.1"));
        RateLimitedException refused =
                assertThrows(RateLimitedException.class, () -> limiter.admit("enrol", "10.0.0.1"));
        assertTrue(refused.retryAfterSeconds() > 3500, "Retry-After " + refused.retryAfterSeconds());
    }

    @Test
    void aLimitWithoutABudgetIsAProgrammingError() {
        assertThrows(IllegalStateException.class, () -> limiter.admit("nowhere", "agent-a"));
    }

    @Test
    void theWaitIsRoundedUpToAWholeSecondAndNeverZero() {
        assertEquals(1, new RateLimitedException("x", Duration.ofMillis(1)).retryAfterSeconds());
        assertEquals(2, new RateLimitedException("x", Duration.ofMillis(1001)).retryAfterSeconds());
        assertEquals(1, new RateLimitedException("x", Duration.ZERO).retryAfterSeconds());
    }

    private static RateLimitConfig.Budget budget(long requests, Duration per) {
        return new RateLimitConfig.Budget() {
            @Override
            public long requests() {
                return requests;
            }

            @Override
            public Duration per() {
                return per;
            }
        };
    }
}
