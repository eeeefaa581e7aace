package dev.herd.portal.webhook;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Runs the event dispatch and the webhook deliveries every {@code deliver-every}, and the purge every hour. */
@ApplicationScoped
public class WebhookJobs {

    private final SecurityEventDispatcher dispatcher;
    private final WebhookDeliverer deliverer;
    private final SecurityEventRepository events;
    private final WebhookConfig config;

    public WebhookJobs(
            SecurityEventDispatcher dispatcher,
            WebhookDeliverer deliverer,
            SecurityEventRepository events,
            WebhookConfig config) {
        this.dispatcher = dispatcher;
        this.deliverer = deliverer;
        this.events = events;
        this.config = config;
    }

    @Scheduled(
            every = "${herd.portal.webhooks.deliver-every:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        dispatcher.dispatchPending();
        deliverer.deliverDue();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        Instant before = Instant.now().minus(config.keep());
        for (int round = 0; round < 10 && events.purge(before) > 0; round++) {
            // each round drops a bounded batch; ten of them an hour keep up with any realistic event rate
        }
    }
}
