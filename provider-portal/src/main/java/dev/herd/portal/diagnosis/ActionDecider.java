package dev.herd.portal.diagnosis;

import dev.herd.portal.advisory.KnownAdvisory;
import dev.herd.portal.match.Verdict;
import dev.herd.portal.policy.TenantPolicy;

/** Chooses the action for a finding from its advisory and the tenant's policy (DESIGN §3.3). */
public final class ActionDecider {

    private ActionDecider() {}

    public static FindingAction decide(KnownAdvisory advisory, Verdict verdict, TenantPolicy policy) {
        if (!advisory.actionable) {
            return FindingAction.MONITOR;
        }
        boolean patchable = verdict.fixed() != null && !forbidden(policy, verdict);
        boolean hasRule = advisory.mitigations.stream().anyMatch(ExposedService::filters);
        if (wantsFilter(advisory, policy)) {
            if (hasRule) {
                return patchable ? FindingAction.FILTER_UNTIL_PATCHED : FindingAction.FILTER;
            }
            if (policy.filtering().haltWhenNoRule() && !patchable) {
                return FindingAction.HALT_SERVICE;
            }
        }
        return patchable ? FindingAction.PATCH : FindingAction.MONITOR;
    }

    /** Whether the filtering policy wants a rule for this advisory until it is patched. */
    public static boolean wantsFilter(KnownAdvisory advisory, TenantPolicy policy) {
        TenantPolicy.Filtering filtering = policy.filtering();
        return (filtering.knownExploited() && advisory.knownExploited)
                || advisory.emergencyLevel >= Math.max(1, filtering.minEmergencyLevel())
                || (filtering.minCvssScore() != null
                        && advisory.cvssScore != null
                        && advisory.cvssScore.doubleValue() >= filtering.minCvssScore())
                || (filtering.minEpss() != null
                        && advisory.epss != null
                        && advisory.epss.doubleValue() >= filtering.minEpss());
    }

    private static boolean forbidden(TenantPolicy policy, Verdict verdict) {
        return policy.patching().forbidden().stream().anyMatch(r -> r.covers(verdict.packageName(), verdict.fixed()));
    }
}
