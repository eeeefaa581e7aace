package dev.herd.portal.webhook;

import dev.herd.portal.sql.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Registered webhooks and their deliveries, always read for one owner: a tenant, or the MSSP ({@code tenant} null),
 * so a tenant's caller never reaches another owner's rows.
 */
@ApplicationScoped
public class WebhookRepository {

    private static final String COLUMNS = "id, tenant_id, url, event_types, description, created_by, created_at";

    private final EntityManager entityManager;

    public WebhookRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    void insert(WebhookView webhook, String secret) {
        entityManager
                .createNativeQuery(
                        "INSERT INTO webhook_endpoint (id, tenant_id, url, event_types, secret, description, "
                                + "created_by, created_at) VALUES (:id, :t, :u, CAST(:types AS text[]), :s, :d, :by, :at)")
                .setParameter("id", webhook.id())
                .setParameter("t", webhook.tenant())
                .setParameter("u", webhook.url())
                .setParameter(
                        "types",
                        webhook.eventTypes().stream()
                                .map(WebhookEventType::wireName)
                                .toArray(String[]::new))
                .setParameter("s", secret)
                .setParameter("d", webhook.description())
                .setParameter("by", webhook.createdBy())
                .setParameter("at", Timestamp.from(webhook.createdAt()))
                .executeUpdate();
    }

    /** The owner's webhooks, oldest first, at most {@code max}. */
    List<WebhookView> list(String tenant, int max) {
        Query query = owned(
                "SELECT " + COLUMNS + " FROM webhook_endpoint WHERE ",
                tenant,
                " ORDER BY created_at, id " + "LIMIT :n");
        query.setParameter("n", max);
        return views(query);
    }

    Optional<WebhookView> find(String tenant, UUID id) {
        Query query = owned("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE id = :id AND ", tenant, "");
        query.setParameter("id", id);
        return views(query).stream().findFirst();
    }

    long count(String tenant) {
        return ((Number) owned("SELECT count(*) FROM webhook_endpoint WHERE ", tenant, "")
                        .getSingleResult())
                .longValue();
    }

    /** Deletes the owner's webhook with its deliveries; false when the owner has no such webhook. */
    boolean delete(String tenant, UUID id) {
        Query query = owned("DELETE FROM webhook_endpoint WHERE id = :id AND ", tenant, "");
        query.setParameter("id", id);
        return query.executeUpdate() == 1;
    }

    /** The webhook's newest {@code max} deliveries, newest first, each with its attempts (two queries in all). */
    @SuppressWarnings("unchecked")
    List<WebhookDeliveryView> deliveries(UUID webhookId, int max) {
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT id, event_id, event_type, tenant_id, state, attempts, created_at, "
                        + "next_attempt_at, finished_at, payload FROM webhook_delivery WHERE endpoint_id = :w "
                        + "ORDER BY created_at DESC, id LIMIT :n")
                .setParameter("w", webhookId)
                .setParameter("n", max)
                .getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<WebhookDeliveryView.Attempt>> attempts =
                attempts(rows.stream().map(r -> (UUID) r[0]).toArray(UUID[]::new));
        List<WebhookDeliveryView> deliveries = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            String state = (String) r[4];
            deliveries.add(new WebhookDeliveryView(
                    id,
                    "msg_" + id,
                    (UUID) r[1],
                    (String) r[2],
                    (String) r[3],
                    state,
                    ((Number) r[5]).intValue(),
                    Timestamps.instant(r[6]),
                    state.equals("PENDING") ? Timestamps.instant(r[7]) : null,
                    Timestamps.instant(r[8]),
                    (String) r[9],
                    attempts.getOrDefault(id, List.of())));
        }
        return deliveries;
    }

    @SuppressWarnings("unchecked")
    private Map<UUID, List<WebhookDeliveryView.Attempt>> attempts(UUID[] deliveries) {
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        "SELECT delivery_id, attempt, at, status_code, error, duration_ms FROM webhook_attempt "
                                + "WHERE delivery_id = ANY(:ids) ORDER BY delivery_id, attempt")
                .setParameter("ids", deliveries)
                .getResultList();
        Map<UUID, List<WebhookDeliveryView.Attempt>> byDelivery = new HashMap<>();
        for (Object[] r : rows) {
            byDelivery
                    .computeIfAbsent((UUID) r[0], k -> new ArrayList<>())
                    .add(new WebhookDeliveryView.Attempt(
                            ((Number) r[1]).intValue(),
                            Timestamps.instant(r[2]),
                            r[3] == null ? null : ((Number) r[3]).intValue(),
                            (String) r[4],
                            ((Number) r[5]).intValue()));
        }
        return byDelivery;
    }

    /** A query of the owner's rows: {@code tenant_id IS NULL} for the MSSP, so the index serves both. */
    private Query owned(String head, String tenant, String tail) {
        Query query = entityManager.createNativeQuery(
                head + (tenant == null ? "tenant_id IS NULL" : "tenant_id = :t") + tail);
        if (tenant != null) {
            query.setParameter("t", tenant);
        }
        return query;
    }

    @SuppressWarnings("unchecked")
    private static List<WebhookView> views(Query query) {
        List<Object[]> rows = query.getResultList();
        return rows.stream()
                .map(r -> new WebhookView(
                        (UUID) r[0],
                        (String) r[1],
                        (String) r[2],
                        types(r[3]),
                        (String) r[4],
                        (String) r[5],
                        Timestamps.instant(r[6]),
                        null))
                .toList();
    }

    private static List<WebhookEventType> types(Object column) {
        Object[] names = column instanceof java.sql.Array array ? array(array) : (Object[]) column;
        return Arrays.stream(names).map(n -> WebhookEventType.parse((String) n)).toList();
    }

    private static Object[] array(java.sql.Array array) {
        try {
            return (Object[]) array.getArray();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read event types", e);
        }
    }
}
