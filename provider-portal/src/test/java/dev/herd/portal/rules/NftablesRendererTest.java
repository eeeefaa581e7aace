package dev.herd.portal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NftablesRendererTest {

    private final NftablesRenderer renderer = new NftablesRenderer();

    static FilterRule rule(int number, RuleAction action, String protocol, Integer port, String... addresses) {
        Integer rate = action == RuleAction.RATE_LIMIT ? 25 : null;
        return new FilterRule(number, "CVE-2024-" + number, action, protocol, port, rate, null, List.of(addresses));
    }

    @Test
    void everyRuleShapeRendersAndPassesNftCheck() {
        Nft.assumeNft();
        List<FilterRule> rules = List.of(
                rule(7, RuleAction.DROP, "tcp", 443, "10.0.0.1", "10.1.0.0/16", "2001:db8::1"),
                rule(8, RuleAction.REJECT, "tcp", 22, "192.168.1.10"),
                rule(9, RuleAction.REJECT, "udp", 161, "2001:db8:1::/48"),
                rule(10, RuleAction.RATE_LIMIT, null, 53, "10.2.0.0/24", "fd00::53"),
                rule(11, RuleAction.DROP, "udp", null, "10.3.0.1"),
                rule(12, RuleAction.DROP, null, null, "10.4.0.1"),
                new FilterRule(13, "GHSA-xxxx", RuleAction.DROP, "tcp", null, null, "GET /evil", List.of("10.5.0.1")));

        String full = renderer.full("tenant-a", rules);

        Nft.assertAccepted(full);
        assertTrue(full.contains("ip daddr @r7_v4 tcp dport 443 drop comment \"herd:7 CVE-2024-7\""), full);
        assertTrue(full.contains("ip6 daddr @r7_v6 tcp dport 443 drop comment \"herd:7 CVE-2024-7\""), full);
        assertTrue(full.contains("ip daddr @r8_v4 tcp dport 22 reject with tcp reset"), full);
        assertTrue(full.contains("ip6 daddr @r9_v6 udp dport 161 reject comment"), full);
        assertTrue(full.contains("meta l4proto { tcp, udp } th dport 53 limit rate over 25/second drop"), full);
        assertTrue(full.contains("ip daddr @r11_v4 meta l4proto udp drop"), full);
        assertTrue(full.contains("ip daddr @r12_v4 drop comment \"herd:12 CVE-2024-12\""), full);
        assertTrue(full.contains("# herd:13 GHSA-xxxx: payload signature, enforced by Suricata"), full);
        assertFalse(full.contains("r13_v4") || full.contains("jump r13"), "signature rule left to Suricata");
        assertFalse(full.contains("set r8_v6"), "an empty family gets no set");
        assertTrue(full.contains("type filter hook input priority filter - 1; policy accept;"), full);
        assertTrue(full.contains("type filter hook forward priority filter - 1; policy accept;"), full);
    }

    @Test
    void noRulesStillOwnsTheTable() {
        Nft.assumeNft();
        String full = renderer.full("tenant-a", List.of());
        Nft.assertAccepted(full);
        assertTrue(full.startsWith("# Herd filter rules for tenant tenant-a"), full);
        assertTrue(full.contains("table inet herd {}\ndelete table inet herd\ntable inet herd {\n"), full);
    }

    @Test
    void hundredThousandAddressesStayOneSetLookupAndRenderFast() {
        Nft.assumeNft();
        List<String> addresses = new ArrayList<>(102_000);
        for (int i = 0; i < 100_000; i++) {
            addresses.add("10." + (i >> 16) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff));
        }
        for (int i = 0; i < 2_000; i++) {
            addresses.add("2001:db8:" + Integer.toHexString(i) + "::" + Integer.toHexString(i + 1));
        }
        FilterRule big = new FilterRule(1, "CVE-2024-3094", RuleAction.DROP, "tcp", 22, null, null, addresses);
        renderer.full("warm-up", List.of(big));

        long start = System.nanoTime();
        String full = renderer.full("tenant-big", List.of(big));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("full() with 102,000 addresses rendered in " + millis + " ms, " + full.length() + " chars");

        assertEquals(2, full.split("daddr @r1_v", -1).length - 1, "one set lookup per family, not one per address");
        assertEquals(102_000, elementCount(full), "every address is one set element");
        assertTrue(millis < 5_000, "rendering took " + millis + " ms");
        long checkStart = System.nanoTime();
        Nft.assertAccepted(full);
        System.out.println("nft -c took " + (System.nanoTime() - checkStart) / 1_000_000 + " ms");
    }

    @Test
    void duplicateAndCoveredAddressesBecomeOneElement() {
        Nft.assumeNft();
        FilterRule overlapping = rule(
                3,
                RuleAction.DROP,
                "tcp",
                80,
                "10.0.0.0/8",
                "10.1.2.3",
                "10.0.0.0/16",
                "2001:DB8:0:0::1",
                "2001:db8::1",
                "192.168.0.1");
        String full = renderer.full("t", List.of(overlapping));
        Nft.assertAccepted(full);
        assertTrue(full.contains("add element inet herd r3_v4 {\n\t10.0.0.0/8, 192.168.0.1 }"), full);
        assertTrue(full.contains("add element inet herd r3_v6 {\n\t2001:db8::1 }"), full);
    }

    @Test
    void injectionInAdvisoryIdAndTenantIdIsNeutralised() {
        Nft.assumeNamespace();
        String hostile =
                "CVE-1\" drop; }\ntable ip evil { chain c { type filter hook input priority 0; policy drop; } }";
        FilterRule rule = new FilterRule(5, hostile, RuleAction.DROP, "tcp", 80, null, null, List.of("10.0.0.5"));

        String full = renderer.full("tenant\nflush ruleset", List.of(rule));

        assertTrue(
                full.contains("comment \"herd:5 CVE-1__drop____table_ip_evil___chain_c___type_filter_hook_input_"),
                full);
        assertTrue(full.matches("(?s).*comment \"herd:5 [A-Za-z0-9._:-]+\"\n.*"), full);
        assertFalse(full.contains("\nflush ruleset"), full);
        assertEquals(1, full.split("\"", -1).length % 2, "quotes stay balanced");
        Nft.Result applied = Nft.applyInNamespace(full);
        assertEquals(0, applied.exit(), applied.output());
        assertFalse(applied.output().contains("table ip evil"), applied.output());
    }

    @Test
    void longAdvisoryIdIsCutToFitNftCommentLimit() {
        Nft.assumeNft();
        FilterRule rule =
                new FilterRule(99999, "X".repeat(500), RuleAction.DROP, "tcp", 80, null, null, List.of("10.0.0.5"));
        Nft.assertAccepted(renderer.full("t", List.of(rule)));
    }

    @Test
    void duplicateRuleNumbersAreRejected() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> renderer.full(
                        "t",
                        List.of(
                                rule(4, RuleAction.DROP, "tcp", 1, "10.0.0.1"),
                                rule(4, RuleAction.DROP, "udp", 2, "10.0.0.2"))));
        assertTrue(e.getMessage().contains("rule number 4 is used twice"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> renderer.full(" ", List.of()));
    }

    private static int elementCount(String ruleset) {
        int count = 0;
        for (int at = ruleset.indexOf("add element "); at >= 0; at = ruleset.indexOf("add element ", at + 1)) {
            count += ruleset.substring(at, ruleset.indexOf(" }", at)).split(",").length;
        }
        return count;
    }
}
