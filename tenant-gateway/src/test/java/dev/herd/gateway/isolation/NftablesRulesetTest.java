package dev.herd.gateway.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.herd.contracts.problem.HerdException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The nftables quarantine ruleset: rendered for IPv4, IPv6 and MAC-only machines and accepted by the real nft -c. */
class NftablesRulesetTest {

    private static final String NFT = Files.isExecutable(Path.of("/usr/sbin/nft")) ? "/usr/sbin/nft" : "nft";

    private static final List<NftablesRuleset.Entry> MACHINES = List.of(
            new NftablesRuleset.Entry(Machine.of("52:54:00:12:34:56", "10.20.0.5"), "quarantine"),
            new NftablesRuleset.Entry(Machine.of("52-54-00-AB-CD-EF", "2001:db8::5"), "quarantine"),
            new NftablesRuleset.Entry(Machine.of(null, "192.0.2.77"), "lab-1"),
            new NftablesRuleset.Entry(Machine.of("02:00:00:00:00:01", null), "quarantine"));

    private static final List<Machine> DIAGNOSIS = List.of(Machine.of(null, "10.20.0.1"), Machine.of(null, "fd00::1"));

    /** Quarantine never writes Suricata rules. */
    private static final SuricataRules NO_IPS = new SuricataRules(Path.of("target", "unused.rules"));

    @Test
    void theRenderedRulesetNamesEveryMachineInItsSet() {
        String ruleset = NftablesRuleset.render(MACHINES, DIAGNOSIS);
        assertTrue(ruleset.startsWith("table inet herd_quarantine\ndelete table inet herd_quarantine\n"), ruleset);
        assertTrue(
                ruleset.contains("set quarantined_v4 {\n        type ipv4_addr\n        elements = { 10.20.0.5"),
                ruleset);
        assertTrue(ruleset.contains("192.0.2.77 comment \"segment lab-1\""), ruleset);
        assertTrue(ruleset.contains("type ipv6_addr\n        elements = { 2001:db8:0:0:0:0:0:5"), ruleset);
        assertTrue(ruleset.contains("type ether_addr\n        elements = { 52:54:00:12:34:56"), ruleset);
        assertTrue(ruleset.contains("52:54:00:ab:cd:ef"), "MAC normalised: " + ruleset);
        assertTrue(
                ruleset.contains("set held_mac {\n        type ether_addr\n        elements = { 02:00:00:00:00:01"),
                ruleset);
        assertTrue(ruleset.contains("ip saddr @quarantined_v4 drop"), ruleset);
        assertTrue(ruleset.contains("ether saddr @held_mac udp dport { 67, 547 } drop"), ruleset);
    }

    @Test
    void theRenderedRulesetPassesNftCheck() throws IOException {
        requireNftCheck(NftablesRuleset.render(MACHINES, DIAGNOSIS));
    }

    @Test
    void anEmptyQuarantinePassesNftCheck() throws IOException {
        String ruleset = NftablesRuleset.render(List.of(), List.of());
        assertFalse(ruleset.contains("elements"), ruleset);
        requireNftCheck(ruleset);
    }

    @Test
    void theCheckModeDriverTracksQuarantineAndRelease() {
        NftablesDevice device = new NftablesDevice(
                new Nft(NFT), NftablesDevice.Mode.CHECK, DIAGNOSIS, new Iptables(List.of("iptables")), NO_IPS);
        Machine web = Machine.of("52:54:00:12:34:56", "10.20.0.5");
        try {
            device.quarantine(web, "quarantine");
        } catch (HerdException e) {
            fail("nft -c could not check the ruleset (root or CAP_NET_ADMIN needed): " + e.getMessage());
        }
        assertTrue(device.lastRuleset().contains("10.20.0.5"), device.lastRuleset());
        device.release(web);
        assertFalse(device.lastRuleset().contains("10.20.0.5"), device.lastRuleset());
    }

    @Test
    void aRulesetNftRefusesIsReportedAndChangesNothing() {
        NftablesDevice device = new NftablesDevice(
                new Nft("/bin/false"), NftablesDevice.Mode.APPLY, List.of(), new Iptables(List.of("iptables")), NO_IPS);
        HerdException refused =
                assertThrows(HerdException.class, () -> device.quarantine(Machine.of(null, "10.0.0.9"), "quarantine"));
        assertEquals("isolation-failed", refused.code());
        assertEquals("", device.lastRuleset());
    }

    @Test
    void malformedAddressesAreRejectedBeforeRendering() {
        for (String ip :
                List.of("10.0.0.256", "10.0.0.5; flush ruleset", "10.0.0", "example.com", "1.2.3.4 }", "::g")) {
            HerdException e = assertThrows(HerdException.class, () -> Machine.of(null, ip), ip);
            assertEquals("ip-invalid", e.code(), ip);
        }
        for (String mac :
                List.of("52:54:00:12:34", "52:54:00:12:34:zz", "52:54:00:12:34:56 } drop", "52:54-00:12:34:56")) {
            HerdException e = assertThrows(HerdException.class, () -> Machine.of(mac, null), mac);
            assertEquals("mac-invalid", e.code(), mac);
        }
        assertThrows(HerdException.class, () -> Machine.of(null, " "));
        assertThrows(
                IllegalArgumentException.class,
                () -> new NftablesRuleset.Entry(Machine.of(null, "10.0.0.5"), "q\"; flush ruleset"));
    }

    private static void requireNftCheck(String ruleset) throws IOException {
        Nft.Result result;
        try {
            result = new Nft(NFT).check(ruleset);
        } catch (IOException e) {
            throw new AssertionError("cannot run '" + NFT + " -c -f -' (is nftables installed?): " + e.getMessage(), e);
        }
        if (result.output().contains("Operation not permitted")) {
            fail("'nft -c' needs root or CAP_NET_ADMIN to check the ruleset; run the tests as root: "
                    + result.output());
        }
        assertEquals(0, result.exitCode(), "nft -c refused the ruleset: " + result.output() + "\n" + ruleset);
    }
}
