package dev.herd.portal.audit;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps the audit history bounded, every hour: privileged sessions and configuration file changes older than
 * {@code herd.portal.sessions.keep} (90 days) go, and each machine keeps at most
 * {@code herd.portal.sessions.per-machine} (1,000) sessions.
 */
@ApplicationScoped
public class AuditRetention {

    private static final Logger LOG = Logger.getLogger(AuditRetention.class);

    private final PrivilegedSessionRepository sessions;
    private final ConfigFileRepository files;
    private final Duration keep;
    private final int perMachine;

    public AuditRetention(
            PrivilegedSessionRepository sessions,
            ConfigFileRepository files,
            @ConfigProperty(name = "herd.portal.sessions.keep", defaultValue = "P90D") Duration keep,
            @ConfigProperty(name = "herd.portal.sessions.per-machine", defaultValue = "1000") int perMachine) {
        this.sessions = sessions;
        this.files = files;
        this.keep = keep;
        this.perMachine = perMachine;
    }

    @Scheduled(
            every = "${herd.portal.sessions.purge-every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purge() {
        Instant before = Instant.now().minus(keep);
        int dropped = sessions.purge(before, perMachine) + files.purgeChanges(before);
        if (dropped > 0) {
            LOG.debugf(
                    "Audit history: %d rows older than %s or beyond %d per machine dropped",
                    (Object) dropped, keep, perMachine);
        }
    }
}
