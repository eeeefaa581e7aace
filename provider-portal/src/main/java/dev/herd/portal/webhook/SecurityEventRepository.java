package dev.herd.portal.webhook;

import dev.herd.portal.sql.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The security event outbox ({@code security_event}, written by the triggers of V29): pending events claimed in
 * bounded batches with SKIP LOCKED, so several portal instances dispatch each event once; fan-out to deliveries.
 */
@ApplicationScoped
public class SecurityEventRepository {

    /** Stored events and finished deliveries dropped per statement by the purge. */
    static final int PURGE_BATCH = 1000;

    private final EntityManager entityManager;

    public SecurityEventRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** One stored event: the tenant it happened at, its type, its data as JSON text. */
    public record SecurityEvent(UUID id, String tenantId, String type, String data, Instant occurredAt) {}

    /** Locks up to {@code max} undispatched events, oldest first, skipping those another worker holds. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    List<SecurityEvent> claim(int max) {
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT id, tenant_id, type, CAST(data AS text), occurred_at FROM security_event "
                        + "WHERE dispatched_at IS NULL ORDER BY occurred_at, id LIMIT :n FOR UPDATE SKIP LOCKED")
                .setParameter("n", max)
                .getResultList();
        return rows.stream()
                .map(r -> new SecurityEvent(
                        (UUID) r[0], (String) r[1], (String) r[2], (String) r[3], Timestamps.instant(r[4])))
                .toList();
    }

    /**
     * Queues one delivery per endpoint that asked for the event's type: the tenant's own and the MSSP's; marks the
     * events dispatched. The body is built once per event (Standard Webhooks shape: type, timestamp, data), so every
     * endpoint gets the same bytes. Answers how many deliveries were queued.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    int dispatch(List<UUID> events) {
        UUID[] ids = events.toArray(UUID[]::new);
        int queued = entityManager
                .createNativeQuery("INSERT INTO webhook_delivery (id, endpoint_id, event_id, tenant_id, event_type, "
                        + "payload, state, attempts, next_attempt_at, created_at) "
                        + "SELECT gen_random_uuid(), w.id, e.id, e.tenant_id, e.type, "
                        + "CAST(jsonb_build_object('type', e.type, 'timestamp', "
                        + "to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), "
                        + "'data', e.data) AS text), 'PENDING', 0, now(), now() "
                        + "FROM security_event e JOIN webhook_endpoint w "
                        + "ON (w.tenant_id IS NULL OR w.tenant_id = e.tenant_id) AND e.type = ANY(w.event_types) "
                        + "WHERE e.id = ANY(:ids) ON CONFLICT (endpoint_id, event_id) DO NOTHING")
                .setParameter("ids", ids)
                .executeUpdate();
        entityManager
                .createNativeQuery("UPDATE security_event SET dispatched_at = now() WHERE id = ANY(:ids)")
                .setParameter("ids", ids)
                .executeUpdate();
        return queued;
    }

    /** Drops at most a batch of events dispatched, and of deliveries finished, before {@code before}. */
    @Transactional
    int purge(Instant before) {
        Timestamp at = Timestamp.from(before);
        int events = entityManager
                .createNativeQuery("DELETE FROM security_event WHERE id IN (SELECT id FROM security_event "
                        + "WHERE dispatched_at < :at LIMIT " + PURGE_BATCH + ")")
                .setParameter("at", at)
                .executeUpdate();
        int deliveries = entityManager
                .createNativeQuery("DELETE FROM webhook_delivery WHERE id IN (SELECT id FROM webhook_delivery "
                        + "WHERE finished_at < :at LIMIT " + PURGE_BATCH + ")")
                .setParameter("at", at)
                .executeUpdate();
        return events + deliveries;
    }
}
