package dev.herd.portal.index;

/**
 * A tenant's indices (DESIGN §3.6): vulnerability and risk index with their deviation scores across all tenants,
 * what they were computed from, and whether they can be trusted (with the reason).
 */
public record TenantIndices(
        String tenantId,
        double vulnerabilityIndex,
        double vulnerabilityDeviation,
        int openFindings,
        int unknownSeverityFindings,
        double riskIndex,
        double riskDeviation,
        int attacks,
        boolean trusted,
        String trustReason,
        String note) {

    /** How the figures are made, said once in every answer. */
    public static final String NOTE = "Points: critical/high 10, medium 5, low 1; a finding whose advisory has no "
            + "known severity counts 0 (unknownSeverityFindings says how many). Age weight: under 3 days 0.1, under "
            + "1 week 0.5, under 30 days 0.8, older 1.0. Attacks: a signature hit counts as high, a divergence as "
            + "medium. Deviation: 50 + 10 * (x - mean) / standard deviation over all tenants (50 when all are equal).";
}
