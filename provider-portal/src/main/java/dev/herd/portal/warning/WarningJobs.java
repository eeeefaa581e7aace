package dev.herd.portal.warning;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Runs the anomaly scan and the follow-up of open warnings on their schedules. */
@ApplicationScoped
public class WarningJobs {

    private final WarningService service;

    public WarningJobs(WarningService service) {
        this.service = service;
    }

    @Scheduled(
            every = "${herd.portal.warning.scan-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scan() {
        service.scan(Instant.now());
    }

    @Scheduled(
            every = "${herd.portal.warning.follow-up-every:15m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void followUp() {
        service.followUp(Instant.now());
    }
}
