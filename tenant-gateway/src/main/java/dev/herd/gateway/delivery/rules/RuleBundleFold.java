package dev.herd.gateway.delivery.rules;

import dev.herd.contracts.delivery.RuleBundle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Puts rule bundle deltas together (ADR 11), without reading the nftables text: a full bundle and the deltas after it
 * become the full bundle of the last delta (its nftables is the full text followed by each delta's commands, one
 * {@code nft -f} transaction); consecutive deltas become one delta. Each delta must build on the one before.
 */
final class RuleBundleFold {

    private RuleBundleFold() {}

    /** The full bundle at the last delta's revision ({@code full} itself when there are no deltas). */
    static RuleBundle full(RuleBundle full, List<RuleBundle> deltas) {
        if (deltas.isEmpty()) {
            return full;
        }
        requireChain(full.revision(), deltas);
        Map<Integer, RuleBundle.Rule> rules = new TreeMap<>();
        full.rules().forEach(rule -> rules.put(rule.number(), rule));
        StringBuilder nftables = new StringBuilder(full.nftables() == null ? "" : full.nftables());
        for (RuleBundle delta : deltas) {
            delta.changes().withdrawn().forEach(rules::remove);
            delta.changes().put().forEach(rule -> rules.put(rule.number(), rule));
            appendScript(nftables, delta.nftables());
        }
        RuleBundle last = deltas.get(deltas.size() - 1);
        return new RuleBundle(
                full.tenantId(),
                last.revision(),
                last.generatedAt(),
                List.copyOf(rules.values()),
                nftables.toString(),
                suricata(rules.values()));
    }

    /** One delta from {@code baseRevision} to the last delta's revision. */
    static RuleBundle delta(long baseRevision, List<RuleBundle> deltas) {
        requireChain(baseRevision, deltas);
        if (deltas.size() == 1) {
            return deltas.get(0);
        }
        Map<Integer, RuleBundle.Rule> put = new TreeMap<>();
        Set<Integer> withdrawn = new TreeSet<>();
        StringBuilder nftables = new StringBuilder();
        for (RuleBundle delta : deltas) {
            for (int number : delta.changes().withdrawn()) {
                put.remove(number);
                withdrawn.add(number);
            }
            for (RuleBundle.Rule rule : delta.changes().put()) {
                put.put(rule.number(), rule);
                withdrawn.remove(rule.number());
            }
            appendScript(nftables, delta.nftables());
        }
        RuleBundle last = deltas.get(deltas.size() - 1);
        return RuleBundle.delta(
                last.tenantId(),
                last.revision(),
                last.generatedAt(),
                baseRevision,
                nftables.toString(),
                new RuleBundle.Changes(new ArrayList<>(put.values()), new ArrayList<>(withdrawn)));
    }

    /**
     * Whether deltas can be put on top of this full bundle, as the portal renders it since deltas came: its Suricata
     * text is its rules' Suricata lines in rule number order, and its nftables text declares no set elements inline
     * (nft 1.0.6 keeps an inline element that a delete later in the same run removes). Older bundles fail either.
     */
    static boolean composable(RuleBundle full) {
        Map<Integer, RuleBundle.Rule> rules = new TreeMap<>();
        full.rules().forEach(rule -> rules.put(rule.number(), rule));
        return suricata(rules.values()).equals(full.suricata() == null ? "" : full.suricata())
                && (full.nftables() == null || !full.nftables().contains("elements = {"));
    }

    private static String suricata(Iterable<RuleBundle.Rule> rules) {
        StringBuilder out = new StringBuilder();
        for (RuleBundle.Rule rule : rules) {
            if (rule.suricata() != null) {
                out.append(rule.suricata());
            }
        }
        return out.toString();
    }

    private static void appendScript(StringBuilder script, String commands) {
        if (!script.isEmpty() && script.charAt(script.length() - 1) != '\n') {
            script.append('\n');
        }
        script.append(commands);
    }

    private static void requireChain(long base, List<RuleBundle> deltas) {
        long previous = base;
        for (RuleBundle delta : deltas) {
            if (!delta.isDelta() || delta.baseRevision() != previous) {
                throw new IllegalStateException("rule bundle " + delta.revision() + " does not build on " + previous);
            }
            previous = delta.revision();
        }
    }
}
