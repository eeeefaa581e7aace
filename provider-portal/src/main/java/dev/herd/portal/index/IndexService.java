package dev.herd.portal.index;

import dev.herd.portal.damage.DamageSettingsRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes every tenant's vulnerability and risk index, their deviation scores across tenants, and whether the
 * figures can be trusted: every detector heard of within two profile windows and the last canary check seen. The
 * sums come from {@link IndexRepository} aggregated per tenant, so memory grows with tenants, not with findings.
 */
@ApplicationScoped
public class IndexService {

    private final IndexRepository sums;
    private final DetectorLiveness liveness;
    private final CanaryRepository canaries;
    private final DamageSettingsRepository settings;

    public IndexService(
            IndexRepository sums,
            DetectorLiveness liveness,
            CanaryRepository canaries,
            DamageSettingsRepository settings) {
        this.sums = sums;
        this.liveness = liveness;
        this.canaries = canaries;
        this.settings = settings;
    }

    /** Every tenant's sums at one instant; the deviation scores need all of them, the rest one tenant at a time. */
    private record Figures(
            Instant now,
            Map<String, IndexRepository.Sum> vulnerability,
            Map<String, IndexRepository.Sum> risk,
            List<Double> vulnerabilities,
            List<Double> risks) {

        static Figures at(IndexRepository sums, Instant now) {
            Map<String, IndexRepository.Sum> vulnerability = new TreeMap<>(sums.vulnerability(now));
            Map<String, IndexRepository.Sum> risk = new TreeMap<>(sums.risk(now));
            for (String tenant : sums.tenants()) {
                vulnerability.putIfAbsent(tenant, IndexRepository.Sum.NONE);
                risk.putIfAbsent(tenant, IndexRepository.Sum.NONE);
            }
            // every listed tenant has a risk sum; attacks of a tenant that is not listed weigh in the risk deviation
            vulnerability.keySet().forEach(t -> risk.putIfAbsent(t, IndexRepository.Sum.NONE));
            return new Figures(
                    now,
                    vulnerability,
                    risk,
                    vulnerability.values().stream()
                            .map(IndexRepository.Sum::sum)
                            .toList(),
                    risk.values().stream().map(IndexRepository.Sum::sum).toList());
        }
    }

    /** Every tenant's indices, by tenant id. */
    public List<TenantIndices> all() {
        Figures figures = Figures.at(sums, Instant.now());
        List<TenantIndices> indices = new ArrayList<>();
        for (String tenant : figures.vulnerability().keySet()) {
            indices.add(indices(figures, tenant));
        }
        return indices;
    }

    public Optional<TenantIndices> of(String tenantId) {
        return Optional.ofNullable(of(List.of(tenantId)).get(tenantId));
    }

    /** The indices of these tenants (deviation scores still across all), by tenant id; unknown tenants are left out. */
    public Map<String, TenantIndices> of(Collection<String> tenantIds) {
        Figures figures = Figures.at(sums, Instant.now());
        Map<String, TenantIndices> indices = new TreeMap<>();
        for (String tenant : new TreeSet<>(tenantIds)) {
            if (figures.vulnerability().containsKey(tenant)) {
                indices.put(tenant, indices(figures, tenant));
            }
        }
        return indices;
    }

    private TenantIndices indices(Figures figures, String tenant) {
        IndexRepository.Sum v = figures.vulnerability().get(tenant);
        IndexRepository.Sum r = figures.risk().get(tenant);
        String distrust = distrust(tenant, figures.now()).orElse(null);
        return new TenantIndices(
                tenant,
                v.sum(),
                IndexCalculator.deviation(v.sum(), figures.vulnerabilities()),
                v.items(),
                v.unknown(),
                r.sum(),
                IndexCalculator.deviation(r.sum(), figures.risks()),
                r.items(),
                distrust == null,
                distrust == null
                        ? "Every detector reported within two windows and the last canary check was seen."
                        : distrust,
                TenantIndices.NOTE);
    }

    /** Why the tenant's figures cannot be trusted, or empty when they can. */
    private Optional<String> distrust(String tenantId, Instant now) {
        long window = settings.of(tenantId).profileWindowSeconds();
        DetectorLiveness.Silence silence = liveness.silence(tenantId, now.minusSeconds(2 * window));
        if (silence.detectors() == 0) {
            return Optional.of(
                    "No detector: no agent of the tenant sent monitor records (a sensor's flows or heartbeat).");
        }
        if (silence.silent() != null) {
            return Optional.of(
                    "Detectors silent for more than two windows (" + 2 * window + " s): " + silence.silent() + ".");
        }
        Optional<Canary> canary = canaries.last(tenantId);
        if (canary.isEmpty()) {
            return Optional.of("No canary check was registered yet.");
        }
        if (canary.get().seenAt() == null) {
            return Optional.of(
                    "The last canary check (" + canary.get().signature() + ") was not seen by any detector.");
        }
        return Optional.empty();
    }
}
