package dev.herd.portal.advisory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Orders diagnosis runs across threads and portal instances (a PostgreSQL transaction-level advisory lock). Machines
 * are diagnosed under the shared lock, so any number of them at once; an advisory change takes it exclusively, so that
 * an advisory and an inventory arriving together cannot each miss the other's uncommitted rows: taken before a run's
 * reads, the lock makes the later run see the earlier one's data.
 */
@ApplicationScoped
public class DiagnosisLock {

    private static final long KEY = 0x4865726444L; // "HerdD"

    private final EntityManager entityManager;

    public DiagnosisLock(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Waits for the lock alone (an advisory change); it is released when the caller's transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void acquire() {
        take("pg_advisory_xact_lock");
    }

    /** Waits for the lock shared with other machine diagnoses; released when the caller's transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void acquireShared() {
        take("pg_advisory_xact_lock_shared");
    }

    private void take(String function) {
        entityManager
                .createNativeQuery("SELECT " + function + "(:key)")
                .setParameter("key", KEY)
                .getSingleResult();
    }
}
