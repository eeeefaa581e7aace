package dev.herd.contracts.inbox;

import java.time.Duration;

/** The pauses before restarting one consumer: doubling from the first pause to the cap, reset after a healthy run. */
final class RestartBackoff {

    private final SubscriptionsConfig.Restart settings;
    private Duration last;

    RestartBackoff(SubscriptionsConfig.Restart settings) {
        this.settings = settings;
    }

    /** The pause before the next restart of a consumer that consumed for {@code healthyFor} before it ended. */
    Duration next(Duration healthyFor) {
        if (last == null || healthyFor.compareTo(settings.healthyAfter()) >= 0) {
            last = settings.firstPause();
        } else {
            Duration doubled = last.multipliedBy(2);
            last = doubled.compareTo(settings.maxPause()) > 0 ? settings.maxPause() : doubled;
        }
        return last;
    }
}
