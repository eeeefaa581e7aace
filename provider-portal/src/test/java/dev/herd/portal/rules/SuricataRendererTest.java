package dev.herd.portal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuricataRendererTest {

    private final SuricataRenderer renderer = new SuricataRenderer();

    private static FilterRule signed(int number, String protocol, Integer port, String signature, String... addresses) {
        return new FilterRule(
                number, "CVE-2024-" + number, RuleAction.DROP, protocol, port, null, signature, List.of(addresses));
    }

    @Test
    void oneRulePerSignatureWithAddressesPortAndSid() {
        String rules = renderer.rules(List.of(
                signed(7, "tcp", 443, "GET /evil", "10.0.0.2", "10.0.0.1", "2001:db8::1"),
                NftablesRendererTest.rule(8, RuleAction.DROP, "tcp", 22, "10.0.0.1")));

        assertEquals(
                "drop tcp any any -> [10.0.0.1,10.0.0.2,2001:db8::1] 443 (msg:\"herd:7 CVE-2024-7\";"
                        + " content:\"GET /evil\"; sid:9000007; rev:1;)\n",
                rules);
    }

    @Test
    void anyProtocolIsIpAndAPortWithoutProtocolIsNoted() {
        String rules =
                renderer.rules(List.of(signed(3, null, null, "x", "10.0.0.1"), signed(4, null, 53, "y", "10.0.0.1")));
        assertEquals("""
                drop ip any any -> [10.0.0.1] any (msg:"herd:3 CVE-2024-3"; content:"x"; sid:9000003; rev:1;)
                # herd:4 CVE-2024-4: port 53 without a protocol; Suricata ip rules take no port, so every port is inspected
                drop ip any any -> [10.0.0.1] any (msg:"herd:4 CVE-2024-4"; content:"y"; sid:9000004; rev:1;)
                """, rules);
    }

    @Test
    void rateLimitBecomesDetectionFilter() {
        FilterRule rule = new FilterRule(5, "CVE-5", RuleAction.RATE_LIMIT, "udp", 123, 50, "monlist", List.of("::1"));
        assertEquals(
                "drop udp any any -> [::1] 123 (msg:\"herd:5 CVE-5\"; content:\"monlist\";"
                        + " detection_filter:track by_dst, count 50, seconds 1; sid:9000005; rev:1;)\n",
                renderer.rules(List.of(rule)));
    }

    @Test
    void manyAddressesBecomeHomeNetWithAComment() {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            addresses.add("10." + (i >> 16) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff));
        }
        String rules = renderer.rules(List.of(signed(9, "tcp", 80, "a", addresses.toArray(String[]::new))));
        assertEquals("""
                # herd:9 CVE-2024-9: 100000 protected addresses are too many to list; $HOME_NET must include them
                drop tcp any any -> $HOME_NET 80 (msg:"herd:9 CVE-2024-9"; content:"a"; sid:9000009; rev:1;)
                """, rules);
        String listed = renderer.rules(
                List.of(signed(9, "tcp", 80, "a", addresses.subList(0, 256).toArray(String[]::new))));
        assertTrue(listed.startsWith("drop tcp any any -> [10.0.0.0,10.0.0.1,"), listed);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '!',
            quoteCharacter = '\'',
            value = {
                "plain text ! plain text",
                "a;b ! a|3B|b",
                "say \"hi\" ! say |22|hi|22|",
                "back\\slash ! back|5C|slash",
                "pipe|d ! pipe|7C|d",
                "\";\\| ! |22 3B 5C 7C|",
                "caf\u00e9 ! caf|C3 A9|",
                "tab\there ! tab|09|here"
            })
    void contentEscaping(String signature, String expected) {
        assertEquals(expected, SuricataRenderer.content(signature));
    }

    @Test
    void signatureAndAdvisoryCannotBreakOutOfTheRule() {
        FilterRule hostile = new FilterRule(
                6,
                "CVE\"; sid:1; pcre:\"/x/",
                RuleAction.DROP,
                "tcp",
                80,
                null,
                "\"; sid:1; )\ndrop ip any any -> any any (sid:2;",
                List.of("10.0.0.1"));
        String rules = renderer.rules(List.of(hostile));
        assertEquals(
                "drop tcp any any -> [10.0.0.1] 80 (msg:\"herd:6 CVE___sid:1__pcre:__x_\"; content:\"|22 3B| sid:1|3B|"
                        + " )|0A|drop ip any any -> any any (sid:2|3B|\"; sid:9000006; rev:1;)\n",
                rules);
        assertEquals(1, rules.lines().count());
    }
}
