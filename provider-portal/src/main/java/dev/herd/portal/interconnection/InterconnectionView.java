package dev.herd.portal.interconnection;

/**
 * A tenant's inbound policy towards a partner with the decision now. The partner appears only as its tenant id and
 * its two deviation scores (inside the reason).
 */
public record InterconnectionView(
        String partner,
        Double maxVulnerabilityDeviation,
        Double maxRiskDeviation,
        boolean requireTrusted,
        InterconnectionDecision.Verdict decision,
        String reason) {

    /** What a tenant admin puts: the policy towards one partner. */
    public record Policy(
            String partner, Double maxVulnerabilityDeviation, Double maxRiskDeviation, Boolean requireTrusted) {}

    static InterconnectionView of(InterconnectionRules.Evaluated e) {
        Interconnection l = e.link();
        return new InterconnectionView(
                l.partnerId,
                l.maxVulnerabilityDeviation,
                l.maxRiskDeviation,
                l.requireTrusted,
                e.decision().verdict(),
                e.decision().reason());
    }
}
