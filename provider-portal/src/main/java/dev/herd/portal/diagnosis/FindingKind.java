package dev.herd.portal.diagnosis;

/**
 * Which findings a reconciliation owns: those of affected packages of machines (matched by version), exposure findings
 * (matched by listening services, named {@code service:...}), or those of the components of SBOMs (keyed by SBOM, not
 * by machine). Each path leaves the others' findings alone.
 */
public enum FindingKind {
    PACKAGE(
            "machine_id",
            " AND package_name NOT LIKE 'service:%'",
            "no longer affected: the installed version is not in range"),
    EXPOSURE(
            "machine_id",
            " AND package_name LIKE 'service:%'",
            "no longer exposed: the machine does not offer the service"),
    SBOM("sbom_id", "", "no longer affected: the SBOM's component version is not in range");

    private final String subjectColumn;
    private final String filter;
    private final String closedReason;

    FindingKind(String subjectColumn, String filter, String closedReason) {
        this.subjectColumn = subjectColumn;
        this.filter = filter;
        this.closedReason = closedReason;
    }

    /** The column of table finding naming what the finding is on: the machine, or the SBOM. */
    String subjectColumn() {
        return subjectColumn;
    }

    /** The SQL condition (on table finding) selecting this kind. */
    String filter() {
        return filter;
    }

    /** Why a finding of this kind closes when its verdict is gone. */
    String closedReason() {
        return closedReason;
    }
}
