package dev.herd.portal.interconnection;

import dev.herd.portal.index.TenantIndices;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a partner's traffic is let in now, and why. The reason names only the partner's two deviation scores and
 * whether its figures are trusted, never why not: the partner's machines and detectors stay its own.
 */
public record InterconnectionDecision(Verdict verdict, String reason) {

    /** ALLOW lets the partner's traffic in; DENY drops it with an interconnection filter rule. */
    public enum Verdict {
        ALLOW,
        DENY
    }

    /** The decision for one policy given the partner's indices (empty when it has none, e.g. no longer exists). */
    static InterconnectionDecision of(Interconnection link, TenantIndices partner) {
        if (partner == null) {
            return new InterconnectionDecision(Verdict.DENY, "Partner " + link.partnerId + " has no figures.");
        }
        List<String> exceeded = new ArrayList<>();
        if (link.maxVulnerabilityDeviation != null
                && partner.vulnerabilityDeviation() > link.maxVulnerabilityDeviation) {
            exceeded.add("vulnerability deviation " + format(partner.vulnerabilityDeviation()) + " exceeds "
                    + format(link.maxVulnerabilityDeviation));
        }
        if (link.maxRiskDeviation != null && partner.riskDeviation() > link.maxRiskDeviation) {
            exceeded.add(
                    "risk deviation " + format(partner.riskDeviation()) + " exceeds " + format(link.maxRiskDeviation));
        }
        if (link.requireTrusted && !partner.trusted()) {
            exceeded.add("its figures cannot be trusted (detector liveness or canary check failed) and trusted "
                    + "figures are required");
        }
        String scores = " (vulnerability deviation " + format(partner.vulnerabilityDeviation()) + ", risk deviation "
                + format(partner.riskDeviation()) + ")";
        return exceeded.isEmpty()
                ? new InterconnectionDecision(
                        Verdict.ALLOW, "Partner " + link.partnerId + " is within every threshold" + scores + ".")
                : new InterconnectionDecision(
                        Verdict.DENY, "Partner " + link.partnerId + ": " + String.join("; ", exceeded) + ".");
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
