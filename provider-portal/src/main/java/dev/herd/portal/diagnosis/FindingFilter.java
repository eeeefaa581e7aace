package dev.herd.portal.diagnosis;

import dev.herd.portal.advisory.AdvisorySeverity;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * Which findings of a tenant to list; null fields do not filter. Without {@code state}, closed findings (PATCHED,
 * WITHDRAWN) are left out unless {@code includeClosed}. Severity, known exploitation and EPSS score ({@code minEpss}: at least this score) are the advisory's.
 * {@code source} picks inventory or SBOM findings; with {@code source} SBOM, the machine filters select the findings of
 * that machine's SBOMs. {@code sbomId} and {@code application} select SBOM findings (docs/sbom.md).
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
        Double minEpss,
        FindingSource source,
        UUID sbomId,
        String application) {

    public FindingFilter(
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
                minEpss,
                null,
                null,
                null);
    }

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
        return where(false);
    }

    /**
     * The SQL condition on {@code finding f} joined to its {@code advisory a}: the advisory's severity, known
     * exploitation and {@code minEpss} are conditions on {@code a}, so that a walk of the advisories by score stops at
     * {@code minEpss}.
     */
    String whereJoined() {
        return where(true);
    }

    private String where(boolean advisoryJoined) {
        StringBuilder where = new StringBuilder(" WHERE f.tenant_id = :tenant");
        boolean sboms = source == FindingSource.SBOM || sbomId != null || application != null;
        if (source == FindingSource.INVENTORY) {
            where.append(" AND f.sbom_id IS NULL");
        } else if (sboms) {
            where.append(" AND f.sbom_id IS NOT NULL");
        }
        // The machine filters read the machine's own findings (an index on machine_id), or with source=sbom those of
        // its SBOMs (SBOM findings carry the SBOM, not the machine).
        String byMachine = sboms
                ? " AND f.sbom_id IN (SELECT fs.id FROM sbom fs WHERE fs.tenant_id = :tenant AND fs.machine_id"
                : " AND (f.machine_id";
        if (machineId != null) {
            where.append(byMachine).append(" = :machineId)");
        }
        if (machineName != null) {
            where.append(byMachine)
                    .append(
                            " IN (SELECT fm.id FROM machine fm WHERE fm.tenant_id = :tenant AND fm.name = :machineName))");
        }
        if (sbomId != null) {
            where.append(" AND f.sbom_id = :sbomId");
        }
        if (application != null) {
            where.append(" AND f.sbom_id IN (SELECT fa.id FROM sbom fa WHERE fa.tenant_id = :tenant"
                    + " AND fa.application = :application)");
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
        if (advisoryJoined) {
            where.append(severity != null ? " AND a.severity = :severity" : "");
            where.append(knownExploited != null ? " AND a.known_exploited = :knownExploited" : "");
            where.append(minEpss != null ? " AND a.epss >= :minEpss" : "");
        } else if (severity != null || knownExploited != null || minEpss != null) {
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
        if (sbomId != null) {
            query.setParameter("sbomId", sbomId);
        }
        if (application != null) {
            query.setParameter("application", application);
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
