package dev.herd.portal.diagnosis;

/**
 * Which findings a reconciliation owns: those of affected packages (matched by version), or exposure findings
 * (matched by listening services, named {@code service:...}). Each path leaves the other's findings alone.
 */
public enum FindingKind {
    PACKAGE(" AND package_name NOT LIKE 'service:%'", "no longer affected: the installed version is not in range"),
    EXPOSURE(" AND package_name LIKE 'service:%'", "no longer exposed: the machine does not offer the service");

    private final String filter;
    private final String closedReason;

    FindingKind(String filter, String closedReason) {
        this.filter = filter;
        this.closedReason = closedReason;
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
