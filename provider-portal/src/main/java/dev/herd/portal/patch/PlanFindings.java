package dev.herd.portal.patch;

import dev.herd.portal.diagnosis.FindingReconciler;
import dev.herd.portal.diagnosis.FindingState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The findings patch plans are made for and move on: open (OPEN or MITIGATED), action PATCH*, a fixed version. */
@ApplicationScoped
public class PlanFindings {

    private final EntityManager entityManager;
    private final FindingReconciler reconciler;

    public PlanFindings(EntityManager entityManager, FindingReconciler reconciler) {
        this.entityManager = entityManager;
        this.reconciler = reconciler;
    }

    List<PlanFinding> patchable(String tenantId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT id, machine_id, advisory_id, package_name, installed, fixed FROM finding "
                        + "WHERE tenant_id = :t AND state IN ('OPEN', 'MITIGATED') AND fixed IS NOT NULL "
                        + "AND action IN ('PATCH', 'FILTER_UNTIL_PATCHED') ORDER BY machine_id, package_name, id")
                .setParameter("t", tenantId)
                .getResultList();
        return rows.stream()
                .map(r -> new PlanFinding(
                        ((Number) r[0]).longValue(), (UUID) r[1], (String) r[2], (String) r[3], (String) r[4], (String)
                                r[5]))
                .toList();
    }

    /** Moves those of {@code ids} (a plan's findings, of this tenant) that are in state {@code from}. */
    void move(String tenantId, List<Long> ids, List<FindingState> from, FindingState to, String reason, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Number> matching = entityManager
                .createNativeQuery(
                        "SELECT id FROM finding WHERE tenant_id = :t AND id = ANY(:ids) " + "AND state = ANY(:states)")
                .setParameter("t", tenantId)
                .setParameter("ids", ids.toArray(Long[]::new))
                .setParameter("states", from.stream().map(Enum::name).toArray(String[]::new))
                .getResultList();
        boolean closes = to == FindingState.PATCHED || to == FindingState.WITHDRAWN;
        reconciler.transition(matching.stream().map(Number::longValue).toList(), to, closes ? now : null, reason, now);
    }
}
