package dev.herd.portal.diagnosis;

import dev.herd.portal.advisory.AdvisorySeverity;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * Which findings of a tenant to list; null fields do not filter. Without {@code state}, closed findings (PATCHED,
 * WITHDRAWN) are left out unless {@code includeClosed}. Severity, known exploitation and EPSS score ({@code minEpss}: at least this score) are the advisory's.
 */
public record FindingFilter(
        UUID machineId,
        String machineName,
        String advisory,
        String packageName,
        FindingState state,
        FindingAction action,
        AdvisorySeverity severity,
        Boolean knownExploited,
        boolean includeClosed,
        Double minEpss) {

    public FindingFilter(
            UUID machineId,
            String machineName,
            String advisory,
            String packageName,
            FindingState state,
            FindingAction action,
            AdvisorySeverity severity,
            Boolean knownExploited,
            boolean includeClosed) {
        this(
                machineId,
                machineName,
                advisory,
                packageName,
                state,
                action,
                severity,
                knownExploited,
                includeClosed,
                null);
    }

    /** Open findings of every machine and advisory. */
    public static FindingFilter open() {
        return new FindingFilter(null, null, null, null, null, null, null, null, false);
    }

    /** The SQL condition on table {@code finding f}, with named parameters that {@link #bind} sets. */
    String where() {
        StringBuilder where = new StringBuilder(" WHERE f.tenant_id = :tenant");
        if (machineId != null) {
            where.append(" AND f.machine_id = :machineId");
        }
        if (machineName != null) {
            where.append(" AND f.machine_id IN (SELECT fm.id FROM machine fm WHERE fm.tenant_id = :tenant"
                    + " AND fm.name = :machineName)");
        }
        if (advisory != null) {
            where.append(" AND f.advisory_id = :advisory");
        }
        if (packageName != null) {
            where.append(" AND f.package_name = :packageName");
        }
        if (action != null) {
            where.append(" AND f.action = :action");
        }
        if (state != null) {
            // A literal (an enum name, never user text): the partial index finding_page_by_other_state (V14) is
            // only usable when the planner sees the value.
            where.append(" AND f.state = '").append(state.name()).append('\'');
        } else if (!includeClosed) {
            where.append(" AND f.closed_at IS NULL");
        }
        if (severity != null || knownExploited != null || minEpss != null) {
            where.append(" AND f.advisory_id IN (SELECT fa.id FROM advisory fa WHERE true");
            where.append(severity != null ? " AND fa.severity = :severity" : "");
            where.append(knownExploited != null ? " AND fa.known_exploited = :knownExploited" : "");
            where.append(minEpss != null ? " AND fa.epss >= :minEpss" : "");
            where.append(")");
        }
        return where.toString();
    }

    void bind(Query query, String tenantId) {
        query.setParameter("tenant", tenantId);
        if (machineId != null) {
            query.setParameter("machineId", machineId);
        }
        if (machineName != null) {
            query.setParameter("machineName", machineName);
        }
        if (advisory != null) {
            query.setParameter("advisory", advisory);
        }
        if (packageName != null) {
            query.setParameter("packageName", packageName);
        }
        if (action != null) {
            query.setParameter("action", action.name());
        }
        if (severity != null) {
            query.setParameter("severity", severity.name());
        }
        if (knownExploited != null) {
            query.setParameter("knownExploited", knownExploited);
        }
        if (minEpss != null) {
            query.setParameter("minEpss", BigDecimal.valueOf(minEpss));
        }
    }
}
