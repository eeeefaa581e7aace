package dev.herd.portal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rules limited to attackers' addresses: per-rule source sets {@code rN_src_v4/_v6} matched before the destination,
 * accepted by the real {@code nft -c}, and deltas that add, change and remove them applied in a network namespace.
 */
class NftablesSourceTest {

    private final NftablesRenderer renderer = new NftablesRenderer();

    static FilterRule from(int number, List<String> sources, String... addresses) {
        return new FilterRule(
                number,
                "HERD-COMMUNITY-" + number,
                RuleAction.DROP,
                "tcp",
                443,
                null,
                null,
                List.of(addresses),
                sources);
    }

    @Test
    void fullRulesetMatchesTheSourceSetBeforeTheDestination() {
        String full = renderer.full(
                "acme",
                List.of(
                        from(1, List.of("203.0.113.0/24", "2001:db8:bad::/48"), "10.0.0.1", "fd00::1"),
                        from(2, List.of("198.51.100.7"), "10.0.0.2", "fd00::2")));
        assertTrue(full.contains("set r1_src_v4 {"), full);
        assertTrue(full.contains("set r1_src_v6 {"), full);
        assertTrue(
                full.contains(
                        "ip saddr @r1_src_v4 ip daddr @r1_v4 tcp dport 443 drop comment \"herd:1 HERD-COMMUNITY-1\""),
                full);
        assertTrue(full.contains("ip6 saddr @r1_src_v6 ip6 daddr @r1_v6 tcp dport 443 drop"), full);
        // an IPv4 attacker never sends IPv6 packets: rule 2 has no IPv6 match at all
        assertTrue(full.contains("ip saddr @r2_src_v4 ip daddr @r2_v4"), full);
        assertFalse(full.contains("r2_src_v6") || full.contains("ip6 daddr @r2_v6"), full);
        Nft.assumeNft();
        Nft.assertAccepted(full);
    }

    @Test
    void rulesWithoutSourcesRenderAsBefore() {
        FilterRule any = NftablesRendererTest.rule(3, RuleAction.DROP, "tcp", 22, "10.0.0.3");
        FilterRule noSources =
                new FilterRule(3, "CVE-2024-3", RuleAction.DROP, "tcp", 22, null, null, List.of("10.0.0.3"), null);
        assertEquals(List.of(), any.sources());
        assertEquals(renderer.full("t", List.of(any)), renderer.full("t", List.of(noSources)));
        assertFalse(renderer.full("t", List.of(any)).contains("saddr"));
    }

    @Test
    void sourcesAreValidatedLikeAddresses() {
        assertThrows(IllegalArgumentException.class, () -> from(1, List.of("evil.example.com"), "10.0.0.1"));
        assertThrows(IllegalArgumentException.class, () -> from(1, List.of("10.0.0.0/33"), "10.0.0.1"));
        assertThrows(IllegalArgumentException.class, () -> from(1, java.util.Arrays.asList((String) null), "10.0.0.1"));
    }

    @Test
    void deltasAddChangeAndRemoveSourceSets() {
        Nft.assumeNamespace();
        List<FilterRule> before = List.of(
                from(1, List.of("203.0.113.0/24"), "10.0.0.1", "fd00::1"),
                from(2, List.of("198.51.100.7", "2001:db8:bad::1"), "10.0.0.2", "fd00::2"),
                from(3, List.of("192.0.2.1"), "10.0.0.3"),
                NftablesRendererTest.rule(4, RuleAction.DROP, "tcp", 22, "10.0.0.4"));
        List<FilterRule> after = List.of(
                // 1: a v6 attacker joins, an address of the v4 attacker set is replaced
                from(1, List.of("203.0.113.128/25", "2001:db8:bad::/48"), "10.0.0.1", "fd00::1"),
                // 2: its v6 attacker is gone
                from(2, List.of("198.51.100.7"), "10.0.0.2", "fd00::2"),
                // 3: removed
                // 4: from any source to one attacker
                new FilterRule(
                        4,
                        "CVE-2024-4",
                        RuleAction.DROP,
                        "tcp",
                        22,
                        null,
                        null,
                        List.of("10.0.0.4"),
                        List.of("192.0.2.9")),
                // 5: new, with sources
                from(5, List.of("192.0.2.0/28"), "10.0.0.5"));
        String delta = renderer.delta(before, after);

        Nft.Result patched = Nft.applyInNamespace(renderer.full("acme", before), delta);
        Nft.Result fresh = Nft.applyInNamespace(renderer.full("acme", after));
        assertEquals(0, patched.exit(), () -> delta + "\n" + patched.output());
        assertEquals(0, fresh.exit(), fresh.output());
        Map<String, String> objects = Nft.objects(patched.output());
        assertEquals(Nft.objects(fresh.output()), objects, patched.output());
        assertTrue(objects.get("set r1_src_v4").contains("203.0.113.128/25"), patched.output());
        assertTrue(objects.get("chain r1").contains("ip6 saddr @r1_src_v6"), patched.output());
        assertFalse(objects.containsKey("set r2_src_v6"), patched.output());
        assertFalse(objects.containsKey("set r3_src_v4") || objects.containsKey("chain r3"), patched.output());
        assertTrue(
                objects.get("chain r4").contains("ip saddr @r4_src_v4 ip daddr @r4_v4 tcp dport 22"), patched.output());
        assertTrue(objects.get("chain r5").contains("ip saddr @r5_src_v4"), patched.output());
    }
}
