package dev.herd.contracts.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import java.time.Duration;
import java.util.Map;

/**
 * Request budgets per caller ({@code herd.rate-limit.<limit>.requests} and {@code .per}), one token bucket for each
 * (limit, caller): a caller may spend {@code requests} at once, and gets them back gradually over {@code per}.
 */
@ConfigMapping(prefix = "herd.rate-limit")
public interface RateLimitConfig {

    /** The budgets by limit name, e.g. {@code agent-reports}. */
    @WithParentName
    Map<String, Budget> limits();

    /** One limit's budget. */
    interface Budget {

        /** Requests a caller may make in a burst, and in each {@link #per()} after it. */
        long requests();

        /** The period over which spent requests are given back, a little at a time. */
        Duration per();
    }
}
