package dev.herd.portal.notification;

import dev.herd.portal.sql.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads notifications from the tables they tell about, newest first within each urgency, never more than asked for
 * (each source is bounded before they are merged); stores only who read which.
 */
@ApplicationScoped
public class NotificationRepository {

    /** How long a closed damage case is still told about. */
    static final String CLOSED_CASES_SINCE = "7 days";

    /**
     * One row per notification: key, tenant, urgency, title, detail, time, link. Each source is limited to :n rows
     * of the caller's tenants (:tenant null: every tenant) before the union is ordered.
     */
    private static final String FEED = "SELECT k, t, u, title, detail, at, link FROM ("
            + "(SELECT 'case:' || id AS k, tenant_id AS t, 'EMERGENCY' AS u, 'Damage case ' || lower(state) AS title, "
            + "concat_ws('; ', 'signature ' || signature, 'isolation at ' || isolation_point, "
            + "CASE WHEN spreading THEN 'spreading' END) AS detail, opened_at AS at, "
            + "'/ui/tenants/' || tenant_id || '/cases' AS link FROM damage_case "
            + "WHERE state <> 'CLOSED' AND (CAST(:tenant AS text) IS NULL OR tenant_id = :tenant) "
            + "ORDER BY opened_at DESC LIMIT :n) "
            + "UNION ALL (SELECT 'case-closed:' || id, tenant_id, 'INFO', 'Damage case closed', "
            + "'signature ' || coalesce(signature, 'none'), updated_at, '/ui/tenants/' || tenant_id || '/cases' "
            + "FROM damage_case WHERE state = 'CLOSED' AND updated_at > now() - CAST('" + CLOSED_CASES_SINCE
            + "' AS interval) AND (CAST(:tenant AS text) IS NULL OR tenant_id = :tenant) "
            + "ORDER BY updated_at DESC LIMIT :n) "
            + "UNION ALL (SELECT 'order:' || order_id, tenant_id, 'HIGH', 'Isolation order escalated', "
            + "concat_ws(': ', mode || ' at ' || isolation_point, status_detail), coalesce(status_at, issued_at), "
            + "'/ui/tenants/' || tenant_id || '/cases' FROM isolation_order WHERE status = 'ESCALATED' "
            + "AND (CAST(:tenant AS text) IS NULL OR tenant_id = :tenant) "
            + "ORDER BY coalesce(status_at, issued_at) DESC LIMIT :n) "
            + "UNION ALL (SELECT 'warning:' || id, tenant_id, 'HIGH', 'Warning: ' || indicator, "
            + "'reported by ' || reporting || ' other tenants; countermeasure: ' || countermeasure, created_at, "
            + "'/ui/tenants/' || tenant_id || '/warnings' FROM tenant_warning WHERE state = 'OPEN' "
            + "AND (CAST(:tenant AS text) IS NULL OR tenant_id = :tenant) ORDER BY created_at DESC LIMIT :n) "
            + "UNION ALL (SELECT 'kev:' || f.tenant_id || ':' || f.advisory_id, f.tenant_id, 'HIGH', "
            + "'Known-exploited ' || f.advisory_id || ' open', count(DISTINCT f.machine_id) || ' machine(s) exposed', "
            + "max(f.opened_at), '/ui/tenants/' || f.tenant_id || '/findings?knownExploited=true' "
            + "FROM finding f JOIN advisory a ON a.id = f.advisory_id "
            + "WHERE a.known_exploited AND f.state = 'OPEN' "
            + "AND (CAST(:tenant AS text) IS NULL OR f.tenant_id = :tenant) "
            + "GROUP BY f.tenant_id, f.advisory_id ORDER BY max(f.opened_at) DESC LIMIT :n) "
            + "UNION ALL (SELECT 'config-file:' || c.machine_id || ':' || c.path || '@' "
            + "|| CAST(extract(epoch FROM c.mismatch_since) AS bigint), c.tenant_id, c.urgency, "
            + "'Permissions of ' || c.path || ' differ', coalesce(m.name, CAST(c.machine_id AS text)) || ': ' "
            + "|| c.mismatch, c.mismatch_since, '/ui/tenants/' || c.tenant_id || '/config-files' "
            + "FROM config_file c LEFT JOIN machine m ON m.id = c.machine_id WHERE c.mismatch IS NOT NULL "
            + "AND (CAST(:tenant AS text) IS NULL OR c.tenant_id = :tenant) "
            + "ORDER BY c.mismatch_since DESC LIMIT :n) "
            + "UNION ALL (SELECT 'equipment:' || v.id, v.tenant_id, 'HIGH', 'Equipment violation on ' "
            + "|| coalesce(m.name, CAST(v.machine_id AS text)), concat_ws('; ', v.kind || ' ' || v.item "
            + "|| coalesce(' (' || v.driver || ')', '') || ' not on the allowed-equipment list', CASE v.status "
            + "WHEN 'OPEN' THEN 'the machine is isolated' ELSE 'isolation failed: ' || v.failure END), v.detected_at, "
            + "'/ui/tenants/' || v.tenant_id || coalesce('/machines/' || m.name, '/topology') "
            + "FROM equipment_violation v LEFT JOIN machine m ON m.id = v.machine_id WHERE v.status <> 'RELEASED' "
            + "AND (CAST(:tenant AS text) IS NULL OR v.tenant_id = :tenant) ORDER BY v.detected_at DESC LIMIT :n) "
            + "UNION ALL (SELECT 'admission:' || a.id, a.tenant_id, 'NORMAL', 'Machine ' "
            + "|| coalesce(m.name, CAST(a.machine_id AS text)) || ' admitted in quarantine', "
            + "concat_ws('; ', lower(a.status) || coalesce(' in segment ' || a.segment, ''), "
            + "'waiting for ' || a.awaiting), a.requested_at, "
            + "'/ui/tenants/' || a.tenant_id || coalesce('/machines/' || m.name, '/topology') "
            + "FROM machine_admission a LEFT JOIN machine m ON m.id = a.machine_id WHERE a.status <> 'RELEASED' "
            + "AND (CAST(:tenant AS text) IS NULL OR a.tenant_id = :tenant) ORDER BY a.requested_at DESC LIMIT :n) "
            + "UNION ALL (SELECT 'admission-released:' || a.id, a.tenant_id, 'INFO', 'Machine ' "
            + "|| coalesce(m.name, CAST(a.machine_id AS text)) || ' released from quarantine', "
            + "'by ' || coalesce(a.released_by, '?'), a.released_at, "
            + "'/ui/tenants/' || a.tenant_id || coalesce('/machines/' || m.name, '/topology') "
            + "FROM machine_admission a LEFT JOIN machine m ON m.id = a.machine_id WHERE a.status = 'RELEASED' "
            + "AND a.released_at > now() - CAST('" + CLOSED_CASES_SINCE + "' AS interval) "
            + "AND (CAST(:tenant AS text) IS NULL OR a.tenant_id = :tenant) ORDER BY a.released_at DESC LIMIT :n)"
            + ") AS feed ORDER BY CASE u WHEN 'EMERGENCY' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'NORMAL' THEN 2 ELSE 3 END, "
            + "at DESC, k LIMIT :n";

    private final EntityManager entityManager;

    public NotificationRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** At most {@code max} notifications of the tenant (every tenant when empty), most urgent and newest first. */
    @SuppressWarnings("unchecked")
    List<Notification> feed(Optional<String> tenant, int max) {
        List<Object[]> rows = entityManager
                .createNativeQuery(FEED)
                .setParameter("tenant", tenant.orElse(null))
                .setParameter("n", max)
                .getResultList();
        List<Notification> notifications = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            notifications.add(new Notification(
                    (String) row[0],
                    (String) row[1],
                    Urgency.valueOf((String) row[2]),
                    (String) row[3],
                    (String) row[4],
                    Timestamps.instant(row[5]),
                    (String) row[6],
                    false));
        }
        return notifications;
    }

    /** Which of these keys the user has read. */
    @SuppressWarnings("unchecked")
    Set<String> readBy(String username, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(entityManager
                .createNativeQuery("SELECT notification_key FROM notification_read WHERE username = :u "
                        + "AND notification_key IN (:keys)")
                .setParameter("u", username)
                .setParameter("keys", keys)
                .getResultList());
    }

    /** Marks the keys read by the user with one statement; keys read before keep their first time. */
    @Transactional
    void markRead(String username, Collection<String> keys, Instant at) {
        if (keys.isEmpty()) {
            return;
        }
        entityManager
                .createNativeQuery("INSERT INTO notification_read (username, notification_key, read_at) "
                        + "SELECT :u, k, :at FROM unnest(CAST(:keys AS text[])) AS k ON CONFLICT DO NOTHING")
                .setParameter("u", username)
                .setParameter("keys", keys.toArray(String[]::new))
                .setParameter("at", Timestamp.from(at))
                .executeUpdate();
    }
}
