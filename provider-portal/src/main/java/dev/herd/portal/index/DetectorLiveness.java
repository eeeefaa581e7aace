package dev.herd.portal.index;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * When each detector (an agent sending monitor records: a sensor) was last heard of. The detectors of a tenant are the
 * agents that ever sent monitor records for it; each sensor's empty batch is its heartbeat.
 */
@ApplicationScoped
public class DetectorLiveness {

    private final EntityManager entityManager;

    public DetectorLiveness(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

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

    /**
     * How many detectors the tenant has and the names of those not heard of since {@code cutoff}, joined by ", " in
     * name order; counted in SQL so a tenant of thousands of sensors stays one row. A detector is an agent that sent
     * monitor records (flows, hits or the empty heartbeat batch) at least once: a machine whose agent runs no sensor
     * watches nothing, so it neither proves nor spoils the tenant's figures.
     */
    public Silence silence(String tenantId, Instant cutoff) {
        Object[] row = (Object[]) entityManager
                .createNativeQuery("SELECT count(*), string_agg(name, ', ' ORDER BY name) FILTER (WHERE last_seen_at "
                        + "< CAST(:cutoff AS timestamptz)) FROM (SELECT COALESCE(m.name, CAST(d.agent_id AS text)) "
                        + "AS name, d.last_seen_at FROM detector_seen d "
                        + "LEFT JOIN machine m ON m.id = d.agent_id AND m.tenant_id = :t "
                        + "WHERE d.tenant_id = :t) detector")
                .setParameter("t", tenantId)
                .setParameter("cutoff", Timestamp.from(cutoff))
                .getSingleResult();
        return new Silence(((Number) row[0]).longValue(), (String) row[1]);
    }

    /** How many detectors a tenant has, and the silent ones' names (null when none is silent). */
    public record Silence(long detectors, String silent) {}
}
