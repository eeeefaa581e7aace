package dev.herd.portal.traffic;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Drops traffic windows older than {@code herd.portal.traffic.keep} (7 days), every hour. */
@ApplicationScoped
public class TrafficRetention {

    private static final Logger LOG = Logger.getLogger(TrafficRetention.class);

    private final TrafficRepository repository;
    private final Duration keep;

    public TrafficRetention(
            TrafficRepository repository,
            @ConfigProperty(name = "herd.portal.traffic.keep", defaultValue = "P7D") Duration keep) {
        this.repository = repository;
        this.keep = keep;
    }

    @Scheduled(
            every = "${herd.portal.traffic.purge-every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        int dropped = repository.dropBefore(Instant.now().minus(keep));
        if (dropped > 0) {
            LOG.debugf("Traffic: %d windows older than %s dropped", dropped, keep);
        }
    }
}
