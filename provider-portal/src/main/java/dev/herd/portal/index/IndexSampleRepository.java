package dev.herd.portal.index;

import dev.herd.portal.sql.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The index history (V19 index_sample): written per tenant by {@link IndexSampleJob}, read newest first. */
@ApplicationScoped
public class IndexSampleRepository {

    private final EntityManager entityManager;

    public IndexSampleRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void add(String tenantId, IndexSample sample) {
        entityManager
                .createNativeQuery("INSERT INTO index_sample (tenant_id, sampled_at, vulnerability_index, "
                        + "vulnerability_deviation, risk_index, risk_deviation) VALUES (:t, :at, :v, :vd, :r, :rd) "
                        + "ON CONFLICT DO NOTHING")
                .setParameter("t", tenantId)
                .setParameter("at", sample.sampledAt())
                .setParameter("v", sample.vulnerabilityIndex())
                .setParameter("vd", sample.vulnerabilityDeviation())
                .setParameter("r", sample.riskIndex())
                .setParameter("rd", sample.riskDeviation())
                .executeUpdate();
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
