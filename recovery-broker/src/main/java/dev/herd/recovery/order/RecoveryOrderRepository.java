package dev.herd.recovery.order;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Persistence of recovery orders; every query for callers is filtered by the caller's tenant scope. */
@ApplicationScoped
public class RecoveryOrderRepository implements PanacheRepositoryBase<RecoveryOrder, UUID> {

    private static final Sort NEWEST_FIRST = Sort.descending("createdAt");

    /** Orders of the scoped tenant, or of every tenant when {@code scope} is empty (MSSP staff). */
    public List<RecoveryOrder> listVisible(Optional<String> scope) {
        return scope.map(tenant -> list("tenantId", NEWEST_FIRST, tenant)).orElseGet(() -> listAll(NEWEST_FIRST));
    }

    /** One order, only if it is inside {@code scope}. */
    public Optional<RecoveryOrder> findVisible(Optional<String> scope, UUID id) {
        return findByIdOptional(id)
                .filter(order -> scope.map(order.tenantId::equals).orElse(true));
    }

    /**
     * Locks up to {@code max} orders that are due to run (RECEIVED or RETRYING, next attempt reached), skipping rows
     * another executor holds.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<RecoveryOrder> lockDue(int max) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager()
                .createNativeQuery("SELECT id FROM recovery_order WHERE state IN ('RECEIVED', 'RETRYING') "
                        + "AND next_attempt_at <= now() ORDER BY next_attempt_at, id LIMIT :max "
                        + "FOR UPDATE SKIP LOCKED")
                .setParameter("max", max)
                .getResultList();
        return ids.stream().map(this::findById).toList();
    }

    /**
     * Locks one EXECUTING order nobody is executing: an executor holds the row lock for as long as its driver call
     * runs, so an unlocked EXECUTING row was left by an executor that died (or was just claimed by this one).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<RecoveryOrder> lockUnattendedExecuting() {
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager()
                .createNativeQuery("SELECT id FROM recovery_order WHERE state = 'EXECUTING' "
                        + "ORDER BY updated_at, id LIMIT 1 FOR UPDATE SKIP LOCKED")
                .getResultList();
        return ids.stream().findFirst().map(this::findById);
    }
}
