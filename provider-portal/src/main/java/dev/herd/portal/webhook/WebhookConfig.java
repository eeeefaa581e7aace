package dev.herd.portal.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How webhooks are registered and delivered ({@code herd.portal.webhooks.*}). */
@ConfigMapping(prefix = "herd.portal.webhooks")
public interface WebhookConfig {

    /** Whether plain {@code http://} URLs may be registered (dev and tests); otherwise only {@code https://}. */
    @WithDefault("false")
    boolean allowHttp();

    /** How often pending events are dispatched and due deliveries posted ({@code off} disables both). */
    @WithDefault("2s")
    String deliverEvery();

    /** Most events dispatched, and most deliveries posted, in one run. */
    @WithDefault("50")
    int batchSize();

    /** Attempts per delivery before it is FAILED. */
    @WithDefault("8")
    int maxAttempts();

    /** Pause before the first retry; each later one doubles it, up to {@link #longestRetry()}. */
    @WithDefault("30s")
    Duration firstRetry();

    /** Longest pause between two attempts. */
    @WithDefault("1h")
    Duration longestRetry();

    /** Connect and response timeout of one attempt. */
    @WithDefault("10s")
    Duration httpTimeout();

    /**
     * How long a claimed delivery is hidden from other workers; a worker that died mid-post leaves it due again after
     * this (at least once, so receivers deduplicate by {@code webhook-id}). Longer than {@link #httpTimeout()}.
     */
    @WithDefault("1m")
    Duration lease();

    /** How long dispatched events and finished deliveries (with their attempts) are kept. */
    @WithDefault("7d")
    Duration keep();

    /** Most endpoints one tenant (or the MSSP) may register. */
    @WithDefault("20")
    int maxEndpoints();
}
