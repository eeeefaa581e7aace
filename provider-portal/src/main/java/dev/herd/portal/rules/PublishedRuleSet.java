package dev.herd.portal.rules;

import dev.herd.contracts.delivery.RuleBundle;
import java.time.Instant;
import java.util.List;

/**
 * The rules of a tenant's newest bundle revision: what the renderers took ({@code filterRules}) and what the bundle
 * lists ({@code rules}, with machine names and Suricata lines). The next revision is a delta against it.
 */
public record PublishedRuleSet(
        String tenantId,
        long revision,
        Instant generatedAt,
        List<FilterRule> filterRules,
        List<RuleBundle.Rule> rules) {

    public PublishedRuleSet {
        filterRules = List.copyOf(filterRules);
        rules = List.copyOf(rules);
    }
}
