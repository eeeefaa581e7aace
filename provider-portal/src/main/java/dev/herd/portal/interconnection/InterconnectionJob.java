package dev.herd.portal.interconnection;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Re-evaluates every tenant's interconnection decisions, since partners' scores move without a policy change. */
@ApplicationScoped
public class InterconnectionJob {

    private final InterconnectionService service;

    public InterconnectionJob(InterconnectionService service) {
        this.service = service;
    }

    @Scheduled(
            every = "${herd.portal.interconnection.interval:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reevaluate() {
        service.enforceAll();
    }
}
