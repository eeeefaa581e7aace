package dev.herd.portal.patch;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Sends approved patch plans when their tenant's maintenance window opens. */
@ApplicationScoped
public class PatchWindowJob {

    private final PatchPlanService service;

    public PatchWindowJob(PatchPlanService service) {
        this.service = service;
    }

    @Scheduled(
            every = "${herd.patch.window-check-interval:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        service.sendDue(Instant.now());
    }
}
