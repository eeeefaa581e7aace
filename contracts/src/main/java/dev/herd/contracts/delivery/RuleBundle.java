package dev.herd.contracts.delivery;

import java.time.Instant;
import java.util.List;

/**
 * Message on {@value #ADDRESS}: the complete set of deployed filter rules of one tenant, as the portal generated it.
 * Every bundle replaces the previous one; {@code revision} grows by one per tenant, so a gateway keeps the newest and
 * ignores older or repeated ones. {@code nftables} is a complete ruleset for {@code nft -f} (it owns the table
 * {@code inet herd} and flushes it first); {@code suricata} holds the payload-signature rules, one per line.
 */
public record RuleBundle(
        String tenantId, long revision, Instant generatedAt, List<Rule> rules, String nftables, String suricata) {

    public static final String ADDRESS = "herd.rule-bundles";

    /** A numbered rule, the advisory it stands for, and the machines it protects. */
    public record Rule(
            int number,
            String advisoryId,
            String action,
            String protocol,
            Integer port,
            String signature,
            List<String> machines) {
        public Rule {
            machines = machines == null ? List.of() : List.copyOf(machines);
        }
    }

    public RuleBundle {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
