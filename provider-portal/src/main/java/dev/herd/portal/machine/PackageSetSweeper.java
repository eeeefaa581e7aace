package dev.herd.portal.machine;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Deletes package sets no machine points at any more (a machine that changed packages left its old set), up to
 * {@link #BATCH} a transaction, every {@code herd.portal.package-sets.sweep-every} (10 minutes). A set younger than
 * {@code herd.portal.package-sets.keep-unused} (10 minutes) stays, and a set that an inventory just found is locked
 * ({@code FOR KEY SHARE}, see {@link PackageSets#idOf}) and skipped; should a machine still come to point at a set
 * being deleted, the foreign key refuses the delete and the set stays for the next sweep.
 */
@ApplicationScoped
public class PackageSetSweeper {

    static final int BATCH = 1000;

    private static final Logger LOG = Logger.getLogger(PackageSetSweeper.class);

    private final EntityManager entityManager;
    private final Duration keepUnused;

    public PackageSetSweeper(
            EntityManager entityManager,
            @ConfigProperty(name = "herd.portal.package-sets.keep-unused", defaultValue = "PT10M")
                    Duration keepUnused) {
        this.entityManager = entityManager;
        this.keepUnused = keepUnused;
    }

    @Scheduled(
            every = "${herd.portal.package-sets.sweep-every:10m}",
            delayed = "${herd.portal.package-sets.sweep-every:10m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            int deleted = sweep();
            if (deleted > 0) {
                LOG.debugf("Package sets: %d no machine uses any more deleted", deleted);
            }
        } catch (RuntimeException e) {
            LOG.debugf(e, "Package sets: a sweep met a set taken again meanwhile; the next sweep retries");
        }
    }

    /** Deletes unused sets, a batch per transaction, until none is left; how many it deleted. */
    public int sweep() {
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew()
                    .call(() -> entityManager
                            .createNativeQuery("DELETE FROM package_set WHERE id IN (SELECT s.id FROM package_set s "
                                    + "WHERE s.created_at < now() - make_interval(secs => :keep) AND NOT EXISTS "
                                    + "(SELECT 1 FROM machine m WHERE m.package_set_id = s.id) "
                                    + "LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED)")
                            .setParameter("keep", (double) keepUnused.toSeconds())
                            .executeUpdate());
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
