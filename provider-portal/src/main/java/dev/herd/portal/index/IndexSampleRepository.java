package dev.herd.portal.index;

import dev.herd.portal.sql.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The index history (V19 index_sample): written per tenant by {@link IndexSampleJob}, read newest first. */
@ApplicationScoped
public class IndexSampleRepository {

    private final EntityManager entityManager;

    public IndexSampleRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Stores one sample with the tenant's open and open known-exploited findings (the tenants table sorts by them). */
    public void add(String tenantId, IndexSample sample, long openFindings, long knownExploited) {
        entityManager
                .createNativeQuery("INSERT INTO index_sample (tenant_id, sampled_at, vulnerability_index, "
                        + "vulnerability_deviation, risk_index, risk_deviation, open_findings, known_exploited) "
                        + "VALUES (:t, :at, :v, :vd, :r, :rd, :open, :kev) ON CONFLICT DO NOTHING")
                .setParameter("t", tenantId)
                .setParameter("at", sample.sampledAt())
                .setParameter("v", sample.vulnerabilityIndex())
                .setParameter("vd", sample.vulnerabilityDeviation())
                .setParameter("r", sample.riskIndex())
                .setParameter("rd", sample.riskDeviation())
                .setParameter("open", openFindings)
                .setParameter("kev", knownExploited)
                .executeUpdate();
    }

    /** Open findings of a known-exploited advisory per tenant (tenants without any are left out), one grouped read. */
    public Map<String, Long> knownExploitedByTenant() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        "SELECT f.tenant_id, count(*) FROM finding f JOIN advisory a ON a.id = f.advisory_id "
                                + "WHERE f.closed_at IS NULL AND a.known_exploited GROUP BY f.tenant_id")
                .getResultList();
        Map<String, Long> counts = new HashMap<>();
        for (Object[] r : rows) {
            counts.put((String) r[0], ((Number) r[1]).longValue());
        }
        return counts;
    }

    /** The tenant's last {@code limit} samples since {@code since}, oldest first. */
    public List<IndexSample> recent(String tenantId, Instant since, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT sampled_at, vulnerability_index, vulnerability_deviation, risk_index, "
                        + "risk_deviation FROM index_sample WHERE tenant_id = :t AND sampled_at >= :since "
                        + "ORDER BY sampled_at DESC LIMIT :limit")
                .setParameter("t", tenantId)
                .setParameter("since", since)
                .setParameter("limit", limit)
                .getResultList();
        List<IndexSample> samples = new ArrayList<>(rows.size());
        for (Object[] r : rows.reversed()) {
            samples.add(new IndexSample(
                    Timestamps.instant(r[0]),
                    ((Number) r[1]).doubleValue(),
                    ((Number) r[2]).doubleValue(),
                    ((Number) r[3]).doubleValue(),
                    ((Number) r[4]).doubleValue()));
        }
        return samples;
    }

    /** Drops samples older than {@code before}; how many. */
    public int prune(Instant before) {
        return entityManager
                .createNativeQuery("DELETE FROM index_sample WHERE sampled_at < :before")
                .setParameter("before", before)
                .executeUpdate();
    }
}
