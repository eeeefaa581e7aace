package dev.herd.portal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FilterRuleTest {

    private static FilterRule withAddresses(String... addresses) {
        return new FilterRule(7, "CVE-2024-1234", RuleAction.DROP, "tcp", 443, null, null, Arrays.asList(addresses));
    }

    private static String rejected(Runnable construction) {
        return assertThrows(IllegalArgumentException.class, construction::run).getMessage();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "example.com",
                "localhost",
                "dead",
                "10.0.0.256",
                "10.0.0",
                "10.0.0.1.1",
                "010.0.0.1",
                "1.2.3.4 ",
                "10.0.0.1/33",
                "10.0.0.1/",
                "10.0.0.1/x",
                "fe80::1%eth0",
                "1:2:3:4:5:6:7:8:9",
                "1::2::3",
                "12345::1",
                ":1:2:3:4:5:6:7",
                "1:2:3:4:5:6:7:",
                "::1.2.3",
                "1.2.3.4::",
                "2001:db8::/129",
                "10.0.0.1 }; flush ruleset",
                ""
            })
    void addressesThatAreNotLiteralsAreRejectedNamingTheField(String address) {
        String message = rejected(() -> withAddresses("10.0.0.1", address));
        assertTrue(message.startsWith("addresses[1] (rule 7): '"), message);
        assertTrue(message.contains("not an IPv4/IPv6 address") || message.contains("prefix length"), message);
    }

    @Test
    void hostBitsBelowThePrefixAreRejected() {
        String message = rejected(() -> withAddresses("10.0.0.5/24"));
        assertEquals(
                "addresses[0] (rule 7): '10.0.0.5/24' has host bits set below the /24 prefix; give the network"
                        + " address",
                message);
        rejected(() -> withAddresses("2001:db8::1/64"));
    }

    @Test
    void controlCharactersInRejectedInputAreNotEchoed() {
        String message = rejected(() -> withAddresses("evil\nINFO forged log line"));
        assertTrue(message.contains("evil?INFO"), message);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0|tcp|443|DROP||number must be positive, was 0",
                "-3|tcp|443|DROP||number must be positive, was -3",
                "7|icmp|443|DROP||protocol must be tcp, udp or null for any, was 'icmp' (rule 7)",
                "7|TCP|443|DROP||protocol must be tcp, udp or null for any, was 'TCP' (rule 7)",
                "7|tcp|70000|DROP||port must be 0..65535, was 70000 (rule 7)",
                "7|tcp|-1|DROP||port must be 0..65535, was -1 (rule 7)",
                "7|tcp|443|RATE_LIMIT||rateLimitPerSecond must be positive for RATE_LIMIT, was null (rule 7)",
                "7|tcp|443|RATE_LIMIT|0|rateLimitPerSecond must be positive for RATE_LIMIT, was 0 (rule 7)",
                "7|tcp|443|DROP|10|rateLimitPerSecond is only for RATE_LIMIT, was given for DROP (rule 7)"
            })
    void badFieldsAreRejectedWithAMessageNamingTheField(
            int number, String protocol, Integer port, RuleAction action, Integer rate, String expected) {
        assertEquals(
                expected,
                rejected(() ->
                        new FilterRule(number, "CVE-1", action, protocol, port, rate, null, List.of("10.0.0.1"))));
    }

    @Test
    void missingPartsAreRejected() {
        assertEquals(
                "addresses must not be empty (rule 7)",
                rejected(() -> new FilterRule(7, "CVE-1", RuleAction.DROP, null, null, null, null, List.of())));
        assertEquals("addresses[1] (rule 7) must not be null", rejected(() -> withAddresses("10.0.0.1", null)));
        assertEquals(
                "advisoryId must not be blank (rule 7)",
                rejected(() -> new FilterRule(7, " ", RuleAction.DROP, null, null, null, null, List.of("::1"))));
        assertEquals(
                "action must not be null (rule 7)",
                rejected(() -> new FilterRule(7, "CVE-1", null, null, null, null, null, List.of("::1"))));
        assertEquals(
                "signature must be null or non-empty (rule 7)",
                rejected(() -> new FilterRule(7, "CVE-1", RuleAction.DROP, null, null, null, "", List.of("::1"))));
    }

    @Test
    void addressListIsCopiedAndValidLiteralsAreAccepted() {
        List<String> addresses = new ArrayList<>(List.of(
                "0.0.0.0/0",
                "255.255.255.255",
                "::",
                "::/0",
                "::1",
                "::ffff:10.0.0.1",
                "2001:DB8::/32",
                "fe80:0:0:0:0:0:0:1",
                "1:2:3:4:5:6:7::"));
        FilterRule rule = new FilterRule(1, "CVE-1", RuleAction.DROP, null, 0, null, null, addresses);
        addresses.clear();
        assertEquals(9, rule.addresses().size());
        assertThrows(UnsupportedOperationException.class, () -> rule.addresses().add("10.0.0.1"));
    }

    @Test
    void addressesAreNormalisedToCanonicalSortedNonOverlappingElements() {
        RuleAddresses normalised = RuleAddresses.of(List.of(
                "2001:DB8:0:0:1:0:0:1",
                "2001:db8::1:0:0:1",
                "10.0.0.0/8",
                "10.200.1.1",
                "192.168.0.1",
                "9.255.255.255",
                "0:0:0:0:0:0:0:1",
                "2001:db8:0:0:0:0:2:1",
                "1:0:0:2:0:0:0:3",
                "::ffff:1.2.3.4",
                "fd00::/8",
                "fd12::1"));
        assertEquals(List.of("9.255.255.255", "10.0.0.0/8", "192.168.0.1"), normalised.ipv4());
        assertEquals(
                List.of("::1", "::ffff:102:304", "1:0:0:2::3", "2001:db8::2:1", "2001:db8::1:0:0:1", "fd00::/8"),
                normalised.ipv6());
    }
}
