package dev.herd.portal.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The topology map's read model: a tenant's machines in name order, a bounded number at a time, each with its worst
 * open hole and its detector's liveness, computed in SQL (one statement, no finding leaves the database).
 */
@ApplicationScoped
public class MapMachineRepository {

    private static final String[] HOLES = {"unrated", "low", "medium", "high", "critical"};

    private final EntityManager entityManager;
    private final ObjectMapper json;

    public MapMachineRepository(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** At most {@code limit} machines of the tenant by name; alive = its detector was seen at or after {@code since}. */
    public List<MapMachine> machines(String tenantId, Instant since, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT m.id, m.name, CAST(m.addresses AS text), "
                        + "(SELECT max(CASE a.severity WHEN 'CRITICAL' THEN 4 WHEN 'HIGH' THEN 3 WHEN 'MEDIUM' THEN 2 "
                        + "WHEN 'LOW' THEN 1 ELSE 0 END) FROM finding f JOIN advisory a ON a.id = f.advisory_id "
                        + "WHERE f.machine_id = m.id AND f.closed_at IS NULL), "
                        + "COALESCE(d.last_seen_at >= CAST(:since AS timestamptz), false) "
                        + "FROM machine m LEFT JOIN detector_seen d ON d.agent_id = m.id "
                        + "WHERE m.tenant_id = :t ORDER BY m.name, m.id LIMIT :n")
                .setParameter("t", tenantId)
                .setParameter("since", Timestamp.from(since))
                .setParameter("n", limit)
                .getResultList();
        return rows.stream()
                .map(r -> new MapMachine(
                        (UUID) r[0], (String) r[1], addresses((String) r[2]), hole((Number) r[3]), (Boolean) r[4]))
                .toList();
    }

    /** The machines the damage case detected damage on (one read through the case's events). */
    public Set<UUID> damaged(String tenantId, UUID caseId) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager
                .createNativeQuery("SELECT DISTINCT machine_id FROM damage_event WHERE case_id = :c AND tenant_id = :t")
                .setParameter("c", caseId)
                .setParameter("t", tenantId)
                .getResultList();
        return Set.copyOf(ids);
    }

    /** How many machines the tenant has. */
    public long count(String tenantId) {
        return ((Number) entityManager
                        .createNativeQuery("SELECT count(*) FROM machine WHERE tenant_id = :t")
                        .setParameter("t", tenantId)
                        .getSingleResult())
                .longValue();
    }

    private static String hole(Number worst) {
        return worst == null ? "none" : HOLES[worst.intValue()];
    }

    private List<String> addresses(String text) {
        try {
            return json.readValue(text, new TypeReference<List<String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored addresses are unreadable: " + text, e);
        }
    }
}
