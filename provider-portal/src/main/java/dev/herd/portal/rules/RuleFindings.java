package dev.herd.portal.rules;

import dev.herd.portal.diagnosis.FindingAction;
import dev.herd.portal.diagnosis.FindingState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/** The findings filter rules are made for: open, not an accepted risk, action FILTER*, or HALT_SERVICE. */
@ApplicationScoped
public class RuleFindings {

    private final EntityManager entityManager;

    public RuleFindings(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    List<FilterFinding> of(String tenantId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT id, machine_id, advisory_id, package_name, action, state FROM finding "
                        + "WHERE tenant_id = :t AND closed_at IS NULL AND state <> 'ACCEPTED_RISK' "
                        + "AND action IN ('FILTER', 'FILTER_UNTIL_PATCHED', 'HALT_SERVICE')")
                .setParameter("t", tenantId)
                .getResultList();
        return rows.stream()
                .map(r -> new FilterFinding(
                        ((Number) r[0]).longValue(),
                        (UUID) r[1],
                        (String) r[2],
                        (String) r[3],
                        FindingAction.valueOf((String) r[4]),
                        FindingState.valueOf((String) r[5])))
                .toList();
    }
}
