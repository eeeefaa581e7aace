package dev.herd.portal.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Takes security events out of the outbox a batch at a time: logs each to {@code herd.security} and queues its
 * webhook deliveries, in one transaction with marking it dispatched (so an event is logged and queued at least once).
 */
@ApplicationScoped
public class SecurityEventDispatcher {

    /** Most batches one run dispatches, so one run stays short even after a burst. */
    static final int MAX_BATCHES = 20;

    private final SecurityEventRepository events;
    private final WebhookConfig config;

    public SecurityEventDispatcher(SecurityEventRepository events, WebhookConfig config) {
        this.events = events;
        this.config = config;
    }

    /** Dispatches pending events; answers how many. */
    public int dispatchPending() {
        int dispatched = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            int n = QuarkusTransaction.requiringNew().call(this::dispatchBatch);
            dispatched += n;
            if (n < config.batchSize()) {
                break;
            }
        }
        return dispatched;
    }

    private int dispatchBatch() {
        List<SecurityEventRepository.SecurityEvent> batch = events.claim(config.batchSize());
        if (batch.isEmpty()) {
            return 0;
        }
        for (SecurityEventRepository.SecurityEvent event : batch) {
            SecurityLog.event(event.type(), event.id().toString(), event.tenantId(), event.data());
        }
        events.dispatch(
                batch.stream().map(SecurityEventRepository.SecurityEvent::id).toList());
        return batch.size();
    }
}
