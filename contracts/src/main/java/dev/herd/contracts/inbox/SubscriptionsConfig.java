package dev.herd.contracts.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How message subscriptions restart their consumers ({@code herd.subscriptions.*}). */
@ConfigMapping(prefix = "herd.subscriptions")
public interface SubscriptionsConfig {

    /** Restarting a consumer whose worker thread ended. */
    Restart restart();

    /** Restarting a consumer whose worker thread ended. */
    interface Restart {

        /** The pause before the first restart; each further restart in a row waits twice as long. */
        @WithDefault("PT0.5S")
        Duration firstPause();

        /** The longest pause between restarts. */
        @WithDefault("PT30S")
        Duration maxPause();

        /** A consumer that consumed this long before it ended starts again from the first pause. */
        @WithDefault("PT1M")
        Duration healthyAfter();
    }
}
