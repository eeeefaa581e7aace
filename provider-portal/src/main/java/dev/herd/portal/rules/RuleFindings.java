package dev.herd.portal.rules;

import dev.herd.portal.diagnosis.FindingAction;
import dev.herd.portal.diagnosis.FindingState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The findings filter rules are made for: open, not an accepted risk, action FILTER*, or HALT_SERVICE. */
@ApplicationScoped
public class RuleFindings {

    private final EntityManager entityManager;

    public RuleFindings(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    private static final String NEEDS_RULE = "closed_at IS NULL AND state <> 'ACCEPTED_RISK' "
            + "AND action IN ('FILTER', 'FILTER_UNTIL_PATCHED', 'HALT_SERVICE')";

    /** The findings in each tenant's scope that need a rule, per tenant (every tenant in scope has an entry). */
    Map<String, List<FilterFinding>> of(TenantScopes scopes) {
        Map<String, List<FilterFinding>> byTenant = new HashMap<>();
        scopes.tenants().forEach(tenant -> byTenant.put(tenant, new ArrayList<>()));
        if (scopes.empty()) {
            return byTenant;
        }
        Query query = scopes.bind(entityManager.createNativeQuery(
                "SELECT tenant_id, id, machine_id, advisory_id, package_name, action, state FROM finding " + "WHERE "
                        + NEEDS_RULE + " AND " + scopes.condition("tenant_id", "advisory_id")));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        for (Object[] r : rows) {
            byTenant.get((String) r[0])
                    .add(new FilterFinding(
                            ((Number) r[1]).longValue(),
                            (UUID) r[2],
                            (String) r[3],
                            (String) r[4],
                            FindingAction.valueOf((String) r[5]),
                            FindingState.valueOf((String) r[6])));
        }
        return byTenant;
    }

    /** The advisories of the findings of these machines that need a rule. */
    Set<String> advisoriesOn(String tenantId, Collection<UUID> machineIds) {
        @SuppressWarnings("unchecked")
        List<String> rows = entityManager
                .createNativeQuery("SELECT DISTINCT advisory_id FROM finding WHERE machine_id = ANY(:m) "
                        + "AND tenant_id = :t AND " + NEEDS_RULE)
                .setParameter("m", machineIds.toArray(UUID[]::new))
                .setParameter("t", tenantId)
                .getResultList();
        return new HashSet<>(rows);
    }
}
