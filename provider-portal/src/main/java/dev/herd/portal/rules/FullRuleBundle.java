package dev.herd.portal.rules;

import dev.herd.contracts.delivery.RuleBundle;

/** Renders the full bundle of a {@link PublishedRuleSet}: the complete nftables ruleset and every Suricata line. */
final class FullRuleBundle {

    private static final NftablesRenderer NFTABLES = new NftablesRenderer();
    private static final SuricataRenderer SURICATA = new SuricataRenderer();

    private FullRuleBundle() {}

    static RuleBundle of(PublishedRuleSet set) {
        return new RuleBundle(
                set.tenantId(),
                set.revision(),
                set.generatedAt(),
                set.rules(),
                NFTABLES.full(set.tenantId(), set.filterRules()),
                SURICATA.rules(set.filterRules()));
    }
}
