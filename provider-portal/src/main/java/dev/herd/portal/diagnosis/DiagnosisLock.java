package dev.herd.portal.diagnosis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Serialises diagnosis runs across threads and portal instances (a PostgreSQL transaction-level advisory lock). An
 * advisory and an inventory arriving together would otherwise each miss the other's uncommitted rows; taken after a
 * run's own writes and before its reads, the lock makes the later run see the earlier one's data.
 */
@ApplicationScoped
public class DiagnosisLock {

    private static final long KEY = 0x4865726444L; // "HerdD"

    private final EntityManager entityManager;

    public DiagnosisLock(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Waits for the lock; it is released when the caller's transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void acquire() {
        entityManager
                .createNativeQuery("SELECT pg_advisory_xact_lock(:key)")
                .setParameter("key", KEY)
                .getSingleResult();
    }
}
