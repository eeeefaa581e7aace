package dev.herd.portal.index;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Keeps every tenant's index history: one sample per tenant each run, a bounded window read per tenant. */
@ApplicationScoped
public class IndexHistoryService {

    /** How far back the history is kept and drawn. */
    public static final Duration KEPT = Duration.ofDays(30);

    /** At most this many points are drawn: a month of samples every 5 minutes would be 8,640. */
    public static final int MAX_POINTS = 2000;

    private final IndexService indices;
    private final IndexSampleRepository samples;

    public IndexHistoryService(IndexService indices, IndexSampleRepository samples) {
        this.indices = indices;
        this.samples = samples;
    }

    /** Samples every tenant's indices, open and known-exploited findings now; how many tenants were sampled. */
    @Transactional
    public int sample(Instant now) {
        List<TenantIndices> all = indices.all();
        Map<String, Long> knownExploited = samples.knownExploitedByTenant();
        for (TenantIndices t : all) {
            samples.add(
                    t.tenantId(),
                    new IndexSample(
                            now, t.vulnerabilityIndex(), t.vulnerabilityDeviation(), t.riskIndex(), t.riskDeviation()),
                    t.openFindings(),
                    knownExploited.getOrDefault(t.tenantId(), 0L));
        }
        samples.prune(now.minus(KEPT));
        return all.size();
    }

    @Transactional
    public List<IndexSample> history(String tenantId, Instant now) {
        return samples.recent(tenantId, now.minus(KEPT), MAX_POINTS);
    }
}
