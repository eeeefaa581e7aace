package dev.herd.portal.index;

import dev.herd.portal.damage.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * When each detector (an agent sending monitor records) was last heard of. The detectors of a tenant are its
 * machines (every machine runs an agent) and every agent that ever sent monitor records for it.
 */
@ApplicationScoped
public class DetectorLiveness {

    private final EntityManager entityManager;

    public DetectorLiveness(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A detector and when it was last seen (null: never). */
    public record Detector(UUID agentId, String name, Instant lastSeenAt) {}

    public void seen(String tenantId, UUID agentId, Instant at) {
        entityManager
                .createNativeQuery("INSERT INTO detector_seen (agent_id, tenant_id, last_seen_at) VALUES (:a, :t, :at) "
                        + "ON CONFLICT (agent_id) DO UPDATE SET "
                        + "last_seen_at = GREATEST(detector_seen.last_seen_at, EXCLUDED.last_seen_at)")
                .setParameter("a", agentId)
                .setParameter("t", tenantId)
                .setParameter("at", at)
                .executeUpdate();
    }

    public List<Detector> ofTenant(String tenantId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT COALESCE(m.id, d.agent_id), COALESCE(m.name, CAST(d.agent_id AS text)), "
                        + "d.last_seen_at FROM (SELECT id, name FROM machine WHERE tenant_id = :t) m "
                        + "FULL JOIN (SELECT agent_id, last_seen_at FROM detector_seen WHERE tenant_id = :t) d "
                        + "ON d.agent_id = m.id ORDER BY 2")
                .setParameter("t", tenantId)
                .getResultList();
        return rows.stream()
                .map(r -> new Detector((UUID) r[0], (String) r[1], Timestamps.instant(r[2])))
                .toList();
    }
}
