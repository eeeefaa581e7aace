package dev.herd.portal.damage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.isolation.IsolationOrder;
import dev.herd.contracts.isolation.IsolationOrder.Mode;
import dev.herd.contracts.isolation.OrderStatus;
import dev.herd.portal.sql.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The orders issued per damage case (isolate, recover, un-isolate), and their status. */
@ApplicationScoped
public class IsolationOrderRepository {

    private static final TypeReference<List<IsolationOrder.PlaybookStep>> PLAYBOOK = new TypeReference<>() {};

    private final EntityManager entityManager;
    private final ObjectMapper json;

    public IsolationOrderRepository(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** Records an order issued for the case (its mode for ISOLATE, its playbook for RECOVER). */
    public void add(String tenantId, UUID caseId, IsolationOrder order) {
        try {
            entityManager
                    .createNativeQuery("INSERT INTO isolation_order (order_id, tenant_id, case_id, isolation_point, "
                            + "kind, mode, playbook, issued_at) VALUES (:o, :t, :c, :p, :k, :m, CAST(:pb AS jsonb), "
                            + ":at)")
                    .setParameter("o", order.orderId())
                    .setParameter("t", tenantId)
                    .setParameter("c", caseId)
                    .setParameter("p", order.isolationPoint())
                    .setParameter("k", order.kind().name())
                    .setParameter(
                            "m", order.mode() == null ? null : order.mode().name())
                    .setParameter("pb", json.writeValueAsString(order.playbook()))
                    .setParameter("at", order.issuedAt())
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("playbook cannot be written as JSON", e);
        }
    }

    /** The case and kind of one of the tenant's orders. */
    public Optional<OrderOfCase> find(String tenantId, UUID orderId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT case_id, kind FROM isolation_order WHERE tenant_id = :t AND order_id = :o")
                .setParameter("t", tenantId)
                .setParameter("o", orderId)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new OrderOfCase((UUID) r[0], IsolationOrder.Kind.valueOf((String) r[1])));
    }

    /** Which case an order belongs to, and what it does. */
    public record OrderOfCase(UUID caseId, IsolationOrder.Kind kind) {}

    /** The case's orders, oldest first. */
    public List<IssuedOrder> ofCase(String tenantId, UUID caseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        "SELECT order_id, kind, isolation_point, mode, CAST(playbook AS text), issued_at, status, "
                                + "attempt, status_detail, status_at FROM isolation_order WHERE tenant_id = :t AND case_id = :c "
                                + "ORDER BY issued_at, order_id")
                .setParameter("t", tenantId)
                .setParameter("c", caseId)
                .getResultList();
        return rows.stream().map(this::toOrder).toList();
    }

    private IssuedOrder toOrder(Object[] r) {
        try {
            return new IssuedOrder(
                    (UUID) r[0],
                    IsolationOrder.Kind.valueOf((String) r[1]),
                    (String) r[2],
                    r[3] == null ? null : Mode.valueOf((String) r[3]),
                    json.readValue((String) r[4], PLAYBOOK),
                    Timestamps.instant(r[5]),
                    r[6] == null ? null : OrderStatus.State.valueOf((String) r[6]),
                    r[7] == null ? null : ((Number) r[7]).intValue(),
                    (String) r[8],
                    Timestamps.instant(r[9]));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored playbook of order " + r[0] + " is unreadable", e);
        }
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
