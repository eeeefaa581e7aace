package dev.herd.hub.source;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Starts the pulls that are due, every {@code herd.hub.pull.check-every}. */
@ApplicationScoped
public class SourceScheduler {

    private final SourceService service;

    public SourceScheduler(SourceService service) {
        this.service = service;
    }

    @Scheduled(
            every = "${herd.hub.pull.check-every:1m}",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void startDuePulls() {
        service.startDue(Instant.now());
    }
}
