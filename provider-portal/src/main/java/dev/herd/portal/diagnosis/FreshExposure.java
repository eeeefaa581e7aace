package dev.herd.portal.diagnosis;

import dev.herd.contracts.advisory.AdvisoryChanged;
import dev.herd.portal.advisory.KnownAdvisory;
import dev.herd.portal.match.Verdict;
import dev.herd.portal.policy.PolicyRepository;
import dev.herd.portal.policy.TenantPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Opens the exposure findings of an advisory that has none yet (a community advisory learnt a second ago) straight
 * from the index of open ports: one {@code INSERT … SELECT} per mitigation, no machine read into memory. With no
 * finding to reopen, close or change, this is all {@link FindingReconciler} would have done, machine by machine.
 */
@ApplicationScoped
public class FreshExposure {

    private final EntityManager entityManager;
    private final PolicyRepository policies;

    public FreshExposure(EntityManager entityManager, PolicyRepository policies) {
        this.entityManager = entityManager;
        this.policies = policies;
    }

    /**
     * Opens a finding on every machine listening on a port of one of the advisory's filtering mitigations (each of
     * which has a port); returns the findings opened by tenant, in no particular order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Integer> open(KnownAdvisory advisory) {
        List<AdvisoryChanged.Mitigation> mitigations =
                advisory.mitigations.stream().filter(ExposedService::filters).toList();
        Set<Integer> ports = Set.copyOf(
                mitigations.stream().map(AdvisoryChanged.Mitigation::port).toList());
        @SuppressWarnings("unchecked")
        List<String> tenants = entityManager
                .createNativeQuery(
                        "SELECT DISTINCT tenant_id FROM machine_listening WHERE protocol IN ('tcp', 'udp') "
                                + "AND port = ANY(:ports)",
                        String.class)
                .setParameter("ports", ports.toArray(Integer[]::new))
                .getResultList();
        if (tenants.isEmpty()) {
            return Map.of();
        }
        // The action depends on the tenant's policy only: an exposure verdict has no fix to patch to.
        List<String> actions = new ArrayList<>(tenants.size());
        Verdict verdict = new Verdict(
                advisory.id, ExposedService.of(mitigations.getFirst()), ExposureMatcher.LISTENING, null, advisory.id);
        Map<String, TenantPolicy> policyOf = policies.of(tenants);
        tenants.forEach(t -> actions.add(
                ActionDecider.decide(advisory, verdict, policyOf.get(t)).name()));
        Timestamp now = Timestamp.from(Instant.now());
        Map<String, Integer> opened = new LinkedHashMap<>();
        for (AdvisoryChanged.Mitigation mitigation : mitigations) {
            String protocol = ExposedService.protocol(mitigation);
            String[] protocols = protocol.equals("any") ? new String[] {"tcp", "udp"} : new String[] {protocol};
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager
                    .createNativeQuery(
                            "WITH opened AS (INSERT INTO finding (tenant_id, machine_id, advisory_id, package_name, "
                                    + "installed, fixed, source_document, action, state, opened_at, updated_at) "
                                    + "SELECT DISTINCT l.tenant_id, l.machine_id, CAST(:a AS text), "
                                    + "CAST(:service AS text), CAST(:installed AS text), CAST(NULL AS text), "
                                    + "CAST(:a AS text), p.action, 'OPEN', CAST(:now AS timestamptz), "
                                    + "CAST(:now AS timestamptz) FROM machine_listening l "
                                    + "JOIN unnest(CAST(:tenants AS text[]), CAST(:actions AS text[])) "
                                    + "AS p (tenant_id, action) ON p.tenant_id = l.tenant_id "
                                    + "WHERE l.port = :port AND l.protocol = ANY(CAST(:protocols AS text[])) "
                                    + "ON CONFLICT (machine_id, advisory_id, package_name) DO NOTHING "
                                    + "RETURNING tenant_id) "
                                    + "SELECT tenant_id, count(*) FROM opened GROUP BY tenant_id",
                            Object[].class)
                    .setParameter("a", advisory.id)
                    .setParameter("service", ExposedService.of(mitigation))
                    .setParameter("installed", ExposureMatcher.LISTENING)
                    .setParameter("now", now)
                    .setParameter("tenants", tenants.toArray(String[]::new))
                    .setParameter("actions", actions.toArray(String[]::new))
                    .setParameter("port", mitigation.port())
                    .setParameter("protocols", protocols)
                    .getResultList();
            rows.forEach(r -> opened.merge((String) r[0], ((Number) r[1]).intValue(), Integer::sum));
        }
        return opened;
    }
}
