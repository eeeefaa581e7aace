package dev.herd.portal.warning;

import dev.herd.portal.advisory.KnownAdvisoryRepository;
import dev.herd.portal.rules.RuleState;
import dev.herd.portal.rules.TenantRule;
import dev.herd.portal.rules.TenantRuleRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Chooses a tenant's countermeasure for an anomaly: the tenant's live filter rules carrying the indicator's signature
 * or answering a community advisory whose mitigation carries it; otherwise blocking the indicator on the service.
 */
@ApplicationScoped
public class Countermeasures {

    private final TenantRuleRepository rules;
    private final KnownAdvisoryRepository advisories;

    public Countermeasures(TenantRuleRepository rules, KnownAdvisoryRepository advisories) {
        this.rules = rules;
        this.advisories = advisories;
    }

    public Countermeasure forTenant(String tenantId, Anomaly anomaly) {
        List<TenantRule> answering = answering(tenantId, anomaly.indicator());
        String where = anomaly.service() == null ? "every service" : anomaly.service();
        if (answering.isEmpty()) {
            return new Countermeasure(
                    "Block traffic carrying signature '" + anomaly.indicator() + "' on " + where + ".", List.of());
        }
        String numbers = answering.stream().map(r -> String.valueOf(r.number)).collect(Collectors.joining(", "));
        boolean deployed = answering.stream().allMatch(r -> r.state == RuleState.DEPLOYED);
        return new Countermeasure(
                (deployed ? "Make sure every machine applied filter rule(s) " : "Deploy filter rule(s) ") + numbers
                        + " against signature '" + anomaly.indicator() + "' on " + where + ".",
                answering.stream().map(r -> r.number).toList());
    }

    /** The tenant's live (proposed or deployed) rules that answer this signature. */
    List<TenantRule> answering(String tenantId, String signature) {
        Set<String> advisoryIds = Set.copyOf(advisories.standingIdsWithSignature(signature));
        return rules.ofTenant(tenantId, null).stream()
                .filter(r -> r.state != RuleState.WITHDRAWN)
                .filter(r -> signature.equals(r.signature) || advisoryIds.contains(r.advisoryId))
                .toList();
    }
}
