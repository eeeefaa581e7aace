package dev.herd.portal.damage;

import dev.herd.contracts.isolation.IsolationOrder.Mode;
import dev.herd.contracts.isolation.OrderStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The isolation orders issued per damage case, and their status. */
@ApplicationScoped
public class IsolationOrderRepository {

    private final EntityManager entityManager;

    public IsolationOrderRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void add(String tenantId, UUID caseId, UUID orderId, String point, Mode mode, Instant issuedAt) {
        entityManager
                .createNativeQuery("INSERT INTO isolation_order (order_id, tenant_id, case_id, isolation_point, mode, "
                        + "issued_at) VALUES (:o, :t, :c, :p, :m, :at)")
                .setParameter("o", orderId)
                .setParameter("t", tenantId)
                .setParameter("c", caseId)
                .setParameter("p", point)
                .setParameter("m", mode.name())
                .setParameter("at", issuedAt)
                .executeUpdate();
    }

    /** The case's orders, oldest first. */
    public List<IssuedOrder> ofCase(String tenantId, UUID caseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT order_id, isolation_point, mode, issued_at, status, attempt, status_detail, "
                        + "status_at FROM isolation_order WHERE tenant_id = :t AND case_id = :c "
                        + "ORDER BY issued_at, order_id")
                .setParameter("t", tenantId)
                .setParameter("c", caseId)
                .getResultList();
        return rows.stream()
                .map(r -> new IssuedOrder(
                        (UUID) r[0],
                        (String) r[1],
                        Mode.valueOf((String) r[2]),
                        Timestamps.instant(r[3]),
                        r[4] == null ? null : OrderStatus.State.valueOf((String) r[4]),
                        r[5] == null ? null : ((Number) r[5]).intValue(),
                        (String) r[6],
                        Timestamps.instant(r[7])))
                .toList();
    }

    /**
     * Records a status of one of the tenant's orders unless a later one was recorded already; false when the tenant
     * has no such order.
     */
    public boolean recordStatus(OrderStatus status) {
        Number known = (Number) entityManager
                .createNativeQuery("SELECT count(*) FROM isolation_order WHERE order_id = :o AND tenant_id = :t")
                .setParameter("o", status.orderId())
                .setParameter("t", status.tenantId())
                .getSingleResult();
        if (known.longValue() == 0) {
            return false;
        }
        entityManager
                .createNativeQuery("UPDATE isolation_order SET status = :s, attempt = :a, status_detail = :d, "
                        + "status_at = :at WHERE order_id = :o AND tenant_id = :t "
                        + "AND (status_at IS NULL OR status_at <= :at)")
                .setParameter("s", status.state().name())
                .setParameter("a", status.attempt())
                .setParameter("d", status.detail())
                .setParameter("at", status.at())
                .setParameter("o", status.orderId())
                .setParameter("t", status.tenantId())
                .executeUpdate();
        return true;
    }
}
