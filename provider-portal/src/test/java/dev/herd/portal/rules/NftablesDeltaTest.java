package dev.herd.portal.rules;

import static dev.herd.portal.rules.NftablesRendererTest.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code full(before)} then {@code delta(before, after)}, applied for real in a throwaway network namespace. */
class NftablesDeltaTest {

    private final NftablesRenderer renderer = new NftablesRenderer();

    private final List<FilterRule> before = List.of(
            rule(7, RuleAction.DROP, "tcp", 443, "10.0.0.1", "10.0.0.2", "2001:db8::1"),
            rule(8, RuleAction.REJECT, "udp", 53, "192.168.1.1", "fd00::8"),
            rule(9, RuleAction.DROP, "tcp", 8080, "10.9.0.1"),
            rule(10, RuleAction.DROP, "tcp", 25, "10.10.0.1", "2001:db8:10::1"));

    private final List<FilterRule> after = List.of(
            // 7: one address removed, one added, v6 unchanged
            rule(7, RuleAction.DROP, "tcp", 443, "10.0.0.2", "10.0.0.3", "2001:db8::1"),
            // 8: removed
            // 9: port and action changed, addresses kept, a v6 family appears
            rule(9, RuleAction.RATE_LIMIT, null, 8443, "10.9.0.1", "2001:db8:9::/48"),
            // 10: its v6 family disappears
            rule(10, RuleAction.DROP, "tcp", 25, "10.10.0.1"),
            // 11: new
            rule(11, RuleAction.REJECT, "tcp", 22, "172.16.0.0/12", "2001:db8:11::/64"));

    @Test
    void deltaOnTopOfFullEqualsFullOfTheNewRules() {
        Nft.assumeNamespace();
        String full = renderer.full("tenant-a", before);
        String delta = renderer.delta(before, after);

        Nft.Result patched = Nft.applyInNamespace(full, delta);
        Nft.Result fresh = Nft.applyInNamespace(renderer.full("tenant-a", after));

        assertEquals(0, patched.exit(), () -> delta + "\n" + patched.output());
        assertEquals(0, fresh.exit(), fresh.output());
        Map<String, String> objects = Nft.objects(patched.output());
        assertEquals(Nft.objects(fresh.output()), objects, patched.output());
        String listing = patched.output();
        assertTrue(objects.get("set r7_v4").contains("elements = { 10.0.0.2, 10.0.0.3 }"), listing);
        assertFalse(listing.contains("10.0.0.1"), listing);
        assertFalse(listing.contains("chain r8") || listing.contains("r8_v4") || listing.contains("jump r8"), listing);
        assertTrue(
                objects.get("chain r9")
                        .contains(
                                "ip6 daddr @r9_v6 meta l4proto { tcp, udp } th dport 8443 limit rate over 25/second drop"),
                listing);
        assertFalse(objects.containsKey("set r10_v6"), listing);
        assertTrue(
                objects.get("chain r11")
                        .contains(
                                "ip daddr @r11_v4 tcp dport 22 reject with tcp reset comment \"herd:11 CVE-2024-11\""),
                listing);
        assertEquals(
                "type filter hook input priority filter - 1; policy accept; jump r7 jump r9 jump r10 jump r11",
                objects.get("chain input"));
        assertEquals(
                "type filter hook forward priority filter - 1; policy accept; jump r7 jump r9 jump r10 jump r11",
                objects.get("chain forward"));
    }

    @Test
    void addressOnlyChangeIsElementCommandsOnly() {
        Nft.assumeNamespace();
        List<FilterRule> moved = List.of(
                rule(7, RuleAction.DROP, "tcp", 443, "10.0.0.2", "10.0.0.3", "2001:db8::1"),
                before.get(1),
                before.get(2),
                before.get(3));

        String delta = renderer.delta(before, moved);

        assertEquals("""
                # Herd delta: applies on top of the full ruleset of the previous rules
                delete element inet herd r7_v4 {
                \t10.0.0.1 }
                add element inet herd r7_v4 {
                \t10.0.0.3 }
                """, delta);
        Nft.Result patched = Nft.applyInNamespace(renderer.full("t", before), delta);
        assertEquals(0, patched.exit(), patched.output());
        assertEquals(
                Nft.objects(Nft.applyInNamespace(renderer.full("t", moved)).output()), Nft.objects(patched.output()));
    }

    @Test
    void unchangedRulesGiveAnEmptyDeltaThatNftAccepts() {
        Nft.assumeNamespace();
        String delta = renderer.delta(before, new ArrayList<>(before).reversed());
        assertEquals("# Herd delta: no changes\n", delta);
        assertEquals(0, Nft.applyInNamespace(renderer.full("t", before), delta).exit());
    }

    @Test
    void widerBlockReplacingNarrowOnesDoesNotOverlap() {
        Nft.assumeNamespace();
        List<FilterRule> narrow = List.of(rule(1, RuleAction.DROP, "tcp", 80, "10.0.0.1", "10.0.0.2"));
        List<FilterRule> wide = List.of(rule(1, RuleAction.DROP, "tcp", 80, "10.0.0.0/24"));

        Nft.Result patched = Nft.applyInNamespace(
                renderer.full("t", narrow), renderer.delta(narrow, wide), renderer.delta(wide, narrow));

        assertEquals(0, patched.exit(), patched.output());
        assertEquals(
                Nft.objects(Nft.applyInNamespace(renderer.full("t", narrow)).output()), Nft.objects(patched.output()));
    }

    @Test
    void largeAddressChangeIsSplitIntoBatches() {
        Nft.assumeNamespace();
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            many.add("10." + (i >> 16) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff));
        }
        List<FilterRule> small = List.of(rule(2, RuleAction.DROP, "tcp", 443, "192.168.0.1"));
        List<FilterRule> large = List.of(rule(2, RuleAction.DROP, "tcp", 443, many.toArray(String[]::new)));

        String delta = renderer.delta(small, large);
        Nft.Result patched = Nft.applyInNamespace(renderer.full("t", small), delta);

        assertEquals(0, patched.exit(), patched.output());
        assertEquals(5, delta.split("add element inet herd r2_v4", -1).length - 1, "20,000 elements in 4,096 batches");
        assertTrue(patched.output().contains("10.0.78.31"), "last address present");
        assertFalse(patched.output().contains("192.168.0.1"), "old address gone");
    }

    @Test
    void fullAfterFullRemovesChainsOfDroppedRules() {
        Nft.assumeNamespace();
        Nft.Result applied = Nft.applyInNamespace(renderer.full("t", before), renderer.full("t", after.subList(0, 1)));
        assertEquals(0, applied.exit(), applied.output());
        assertEquals(
                List.of("set r7_v4", "set r7_v6", "chain r7", "chain input", "chain forward"),
                List.copyOf(Nft.objects(applied.output()).keySet()));
    }
}
