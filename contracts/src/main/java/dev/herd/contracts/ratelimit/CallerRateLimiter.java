package dev.herd.contracts.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Admits or refuses one request of a caller under a named limit ({@link RateLimitConfig}). Buckets live in this
 * instance's memory, at most {@value #MOST_BUCKETS} of them; a caller idle for a whole period is forgotten (its bucket
 * would be full again anyway). With several replicas each keeps its own buckets, so a caller spread over them by a
 * load balancer gets up to the budget from each.
 */
@ApplicationScoped
public class CallerRateLimiter {

    static final long MOST_BUCKETS = 100_000;

    private final RateLimitConfig config;
    private final Cache<String, Bucket> buckets;

    public CallerRateLimiter(RateLimitConfig config) {
        this.config = config;
        Duration longest = config.limits().values().stream()
                .map(RateLimitConfig.Budget::per)
                .max(Duration::compareTo)
                .orElse(Duration.ofMinutes(1));
        this.buckets = Caffeine.newBuilder()
                .maximumSize(MOST_BUCKETS)
                .expireAfterAccess(longest)
                .build();
    }

    /**
     * Spends one request of {@code caller}'s budget under {@code limit}.
     *
     * @throws RateLimitedException when the budget is spent, with the wait until a request is given back
     * @throws IllegalStateException when the service configures no budget of that name (a programming error)
     */
    public void admit(String limit, String caller) {
        RateLimitConfig.Budget budget = config.limits().get(limit);
        if (budget == null) {
            throw new IllegalStateException("no budget herd.rate-limit." + limit + " is configured");
        }
        Bucket bucket = buckets.get(limit + '\u001f' + caller, key -> bucket(budget));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new RateLimitedException(limit, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private static Bucket bucket(RateLimitConfig.Budget budget) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(budget.requests())
                        .refillGreedy(budget.requests(), budget.per())
                        .build())
                .build();
    }
}
