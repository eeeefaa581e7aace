package dev.herd.hub.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herd.contracts.damage.DamageReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** STIX patterns Herd writes read back as the same indicators; patterns beyond what Herd acts on are refused. */
class StixPatternTest {

    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Test
    void everyKindOfIndicatorReadsBackAsWritten() throws Exception {
        List<DamageReport.Indicator> indicators = List.of(
                new DamageReport.Indicator(DamageReport.Type.FILE_HASH, HASH, null, null),
                new DamageReport.Indicator(DamageReport.Type.ATTACKER_ADDRESS, "203.0.113.7", null, null),
                new DamageReport.Indicator(DamageReport.Type.ATTACKER_ADDRESS, "198.51.100.0/24", "tcp", 22),
                new DamageReport.Indicator(DamageReport.Type.ATTACKER_ADDRESS, "2001:db8:0:0:0:0:0:0/32", null, null),
                new DamageReport.Indicator(
                        DamageReport.Type.SIGNATURE, "GET /cgi-bin/.%2e/it's \\ a [trap] é\u0001", "tcp", 443),
                new DamageReport.Indicator(DamageReport.Type.SIGNATURE, "no service", null, null));
        String pattern = StixPatternWriter.write(indicators);
        assertEquals(indicators, StixPatternParser.parse(pattern), pattern);
        assertTrue(pattern.startsWith("[file:hashes.'SHA-256' = '" + HASH + "'] OR [ipv4-addr:value = '203.0.113.7']"));
        assertTrue(pattern.contains("[network-traffic:src_ref.type = 'ipv4-addr' AND network-traffic:src_ref.value "
                + "ISSUBSET '198.51.100.0/24' AND network-traffic:protocols[*] = 'tcp' AND "
                + "network-traffic:dst_port = 22]"));
    }

    @Test
    void patternsOfOtherToolsInTheSameSubsetAreRead() throws Exception {
        assertEquals(
                List.of(new DamageReport.Indicator(DamageReport.Type.SIGNATURE, "evil.sh", "udp", 53)),
                StixPatternParser.parse("[ network-traffic:dst_port = 53 AND network-traffic:protocols[0] = 'UDP' AND "
                        + "network-traffic:src_payload_ref.payload_bin MATCHES 'evil\\\\.sh' ]"));
        assertEquals(
                List.of(new DamageReport.Indicator(DamageReport.Type.FILE_HASH, HASH, null, null)),
                StixPatternParser.parse("[file:hashes.sha256 = '" + HASH + "']"));
    }

    @Test
    void whatHerdCannotActOnIsRefusedWithItsOffset() {
        assertUnsupported("[process:name = 'evil.exe']", "process:name");
        assertUnsupported("[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e']", "file:hashes.MD5");
        assertUnsupported("[ipv4-addr:value = '1.2.3.4'] FOLLOWEDBY [ipv4-addr:value = '1.2.3.5']", "FOLLOWEDBY");
        assertUnsupported("[ipv4-addr:value = '1.2.3.4'] WITHIN 5 SECONDS", "WITHIN");
        assertUnsupported("[ipv4-addr:value != '1.2.3.4']", "operator");
        assertUnsupported("[network-traffic:src_payload_ref.payload_bin MATCHES 'a.*b']", "'.'");
        assertUnsupported("[network-traffic:src_payload_ref.payload_bin MATCHES '\\\\d+']", "\\d");
        assertUnsupported("[ipv4-addr:value = '1.2.3.4' OR ipv4-addr:value = '1.2.3.5']", "OR inside");
        StixPatternException invalid =
                assertThrows(StixPatternException.class, () -> StixPatternParser.parse("[ipv4-addr:value = '1.2"));
        assertEquals(StixPatternException.INVALID, invalid.code());
        StixPatternException mixed = assertThrows(
                StixPatternException.class,
                () -> StixPatternParser.parse("[ipv4-addr:value = '1.2.3.4' AND network-traffic:dst_port = 1]"));
        assertEquals(StixPatternException.INVALID, mixed.code());
        assertTrue(mixed.getMessage().startsWith("at 33:"), mixed.getMessage());
    }

    private static void assertUnsupported(String pattern, String named) {
        StixPatternException e = assertThrows(StixPatternException.class, () -> StixPatternParser.parse(pattern));
        assertEquals(StixPatternException.UNSUPPORTED, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains(named), e.getMessage());
    }
}
