package dev.herd.gateway.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herd.agent.apply.rules.NetworkNamespace;
import dev.herd.contracts.isolation.IsolationOrder.Mode;
import dev.herd.contracts.problem.HerdException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Isolation orders on the nftables driver: the three modes rendered per order and accepted by the real nft -c, lifts
 * by machine, and the Suricata rules of DROP_SIGNATURE orders.
 */
class NftablesIsolationRulesetTest {

    private static final UUID COMPLETE = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final UUID SLOW = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
    private static final UUID SIGNATURE = UUID.fromString("00000000-0000-0000-0000-0000000000d3");

    private static final Machine WEB = Machine.of(null, "10.20.0.5");
    private static final Machine DB = Machine.of(null, "2001:db8::7");
    private static final Machine MAIL = Machine.of(null, "10.20.0.9");

    private static final List<Isolation> ORDERS = List.of(
            new Isolation(SIGNATURE, Mode.DROP_SIGNATURE, List.of(MAIL, DB), 0, "GET /cgi-bin/\"x\";|y"),
            new Isolation(SLOW, Mode.RATE_LIMIT, List.of(MAIL), 250, null),
            new Isolation(COMPLETE, Mode.COMPLETE, List.of(WEB, DB), 0, null));

    @Test
    void eachModeIsRenderedPerOrderStrongestFirst() {
        String ruleset = NftablesIsolationRuleset.render(ORDERS);
        assertTrue(ruleset.startsWith("table inet herd_isolation\ndelete table inet herd_isolation\n"), ruleset);
        String complete = "comment \"order " + COMPLETE + " COMPLETE\"";
        assertTrue(ruleset.contains("ip saddr { 10.20.0.5 } drop " + complete), ruleset);
        assertTrue(ruleset.contains("ip daddr { 10.20.0.5 } drop " + complete), ruleset);
        assertTrue(ruleset.contains("ip6 saddr { 2001:db8:0:0:0:0:0:7 } drop " + complete), ruleset);
        assertTrue(
                ruleset.contains("ip daddr { 10.20.0.9 } limit rate over 250/second drop comment \"order " + SLOW),
                ruleset);
        assertTrue(
                ruleset.contains(
                        "# order " + SIGNATURE + " DROP_SIGNATURE: string matches in iptables chain HERD-ISOLATION"),
                ruleset);
        assertFalse(ruleset.contains("queue"), "no NFQUEUE: " + ruleset);
        assertTrue(ruleset.indexOf(complete) < ruleset.indexOf("limit rate"), "COMPLETE first: " + ruleset);
        assertFalse(ruleset.contains("cgi-bin"), "the signature is the string matches' business: " + ruleset);
    }

    @Test
    void everyModePassesNftCheck() {
        for (Isolation order : ORDERS) {
            NftCheck.requireAccepted(NftablesIsolationRuleset.render(List.of(order)));
        }
        NftCheck.requireAccepted(NftablesIsolationRuleset.render(ORDERS));
    }

    @Test
    void noOrdersLeaveAnEmptyChainThatPassesNftCheck() {
        String ruleset = NftablesIsolationRuleset.render(List.of());
        assertFalse(ruleset.contains("saddr"), ruleset);
        NftCheck.requireAccepted(ruleset);
    }

    @Test
    void aLiftRemovesEveryIsolationOfTheMachinesAndASecondChangesNothing() {
        Isolations held = new Isolations();
        for (Isolation order : ORDERS) {
            held = held.with(order);
        }
        Isolations.Lifted lifted = held.without(List.of(MAIL));
        assertEquals(List.of(SIGNATURE, SLOW), lifted.orders());
        assertEquals(
                List.of(
                        new Isolation(SIGNATURE, Mode.DROP_SIGNATURE, List.of(DB), 0, "GET /cgi-bin/\"x\";|y"),
                        ORDERS.get(2)),
                List.copyOf(lifted.next().all()));
        Isolations.Lifted again = lifted.next().without(List.of(MAIL));
        assertEquals(List.of(), again.orders());
        assertEquals(lifted.next().all(), again.next().all());
    }

    @Test
    void theApplyingDriverInstallsTheStringMatchesAndTheSuricataRulesOnlyWhenNftAccepts(@TempDir Path dir)
            throws Exception {
        Path rules = dir.resolve("suricata/herd-isolation.rules");
        try (NetworkNamespace namespace = new NetworkNamespace()) {
            NftablesDevice device = new NftablesDevice(
                    new Nft(namespace.nft()),
                    NftablesDevice.Mode.APPLY,
                    List.of(),
                    new Iptables(namespace.iptables()),
                    new SuricataRules(rules));
            device.isolate(ORDERS.getFirst());

            assertEquals(SuricataRules.render(List.of(ORDERS.getFirst())), Files.readString(rules));
            String chain = listed(namespace, "iptables", StringMatchIsolationRuleset.CHAIN);
            assertTrue(chain.contains("-A HERD-ISOLATION -s 10.20.0.9/32 -m string"), chain);
            assertTrue(chain.contains("order " + SIGNATURE + " DROP_SIGNATURE"), chain);
            assertTrue(chain.contains("-A HERD-ISOLATION -d 10.20.0.9/32"), chain);
            assertTrue(listed(namespace, "ip6tables", StringMatchIsolationRuleset.CHAIN)
                    .contains("-s 2001:db8::7/128"));
            assertTrue(listed(namespace, "iptables", "FORWARD").contains("-A FORWARD -j HERD-ISOLATION"));

            assertEquals(List.of(SIGNATURE), device.lift(List.of(MAIL, DB)));
            assertFalse(Files.readString(rules).contains("drop ip"), Files.readString(rules));
            assertFalse(listed(namespace, "iptables", StringMatchIsolationRuleset.CHAIN)
                    .contains("-A HERD-ISOLATION"));
            assertEquals(List.of(), device.lift(List.of(MAIL, DB)));
        }

        Path refusedRules = dir.resolve("refused.rules");
        NftablesDevice refusing = new NftablesDevice(
                new Nft("/bin/false"),
                NftablesDevice.Mode.APPLY,
                List.of(),
                new Iptables(List.of("iptables")),
                new SuricataRules(refusedRules));
        HerdException refused = assertThrows(HerdException.class, () -> refusing.isolate(ORDERS.getFirst()));
        assertEquals("isolation-failed", refused.code());
        assertFalse(Files.exists(refusedRules));
        try (var left = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("suricata")), left.sorted().toList(), "no temporary file left behind");
        }
    }

    @Test
    void stringMatchesRefusedPutTheNftablesTableBackAndWriteNoSuricataRules(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("herd-isolation.rules");
        try (NetworkNamespace namespace = new NetworkNamespace()) {
            NftablesDevice device = new NftablesDevice(
                    new Nft(namespace.nft()),
                    NftablesDevice.Mode.APPLY,
                    List.of(),
                    new Iptables(namespace.run("false")),
                    new SuricataRules(rules));
            device.isolate(ORDERS.get(2));
            String before = listed(namespace, "nft", "list", "table", "inet", "herd_isolation");

            HerdException refused = assertThrows(HerdException.class, () -> device.isolate(ORDERS.getFirst()));

            assertEquals("isolation-failed", refused.code());
            assertTrue(refused.getMessage().startsWith("iptables could not list chain FORWARD"), refused.getMessage());
            assertEquals(before, listed(namespace, "nft", "list", "table", "inet", "herd_isolation"));
            assertFalse(Files.readString(rules).contains("drop ip"), "no Suricata rule for the refused order");
        }
    }

    @Test
    void theStringMatchesAreOnePerAddressAndDirectionInHexAndTheKernelTakesThem() throws Exception {
        String v4 = StringMatchIsolationRuleset.render(ORDERS, false, true);
        String hex = java.util.HexFormat.of()
                .formatHex("GET /cgi-bin/\"x\";|y".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertEquals(
                "*filter\n:HERD-ISOLATION - [0:0]\n"
                        + "-A HERD-ISOLATION -s 10.20.0.9 -m string --hex-string \"|" + hex
                        + "|\" --algo bm -m comment --comment \"order " + SIGNATURE + " DROP_SIGNATURE\" -j DROP\n"
                        + "-A HERD-ISOLATION -d 10.20.0.9 -m string --hex-string \"|" + hex
                        + "|\" --algo bm -m comment --comment \"order " + SIGNATURE + " DROP_SIGNATURE\" -j DROP\n"
                        + "-I FORWARD 1 -j HERD-ISOLATION\nCOMMIT\n",
                v4);
        String v6 = StringMatchIsolationRuleset.render(ORDERS, true, false);
        assertTrue(v6.contains("-A HERD-ISOLATION -s 2001:db8:0:0:0:0:0:7 -m string"), v6);
        assertFalse(v6.contains("FORWARD"), v6);
        String longSignature = "A".repeat(300);
        String truncated = StringMatchIsolationRuleset.render(
                List.of(new Isolation(SIGNATURE, Mode.DROP_SIGNATURE, List.of(MAIL), 0, longSignature)), false, false);
        assertTrue(truncated.contains("\"|" + "41".repeat(127) + "|\""), "the first 127 bytes: " + truncated);
        Iptables host = new Iptables(List.of("iptables"));
        Nft.Result tested = host.test(v4, false);
        assertTrue(tested.ok(), "iptables-restore --test: " + tested.output());
        assertTrue(host.test(v6, true).ok(), "ip6tables-restore --test");
        assertTrue(host.test(truncated, false).ok(), "a truncated signature is taken");
    }

    private static String listed(NetworkNamespace namespace, String program, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(namespace.run(program));
        command.addAll(List.of(args.length == 1 ? new String[] {"-S", args[0]} : args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        process.waitFor();
        return out;
    }

    @Test
    void theSuricataRuleDropsTheSignatureWithAStableSid() {
        String rule = SuricataRules.rule(ORDERS.getFirst());
        long sid = SuricataRules.sid(SIGNATURE);
        assertEquals(
                "drop ip [10.20.0.9,2001:db8:0:0:0:0:0:7] any <> any any (msg:\"Herd isolation order " + SIGNATURE
                        + "\"; content:\"GET /cgi-bin/|22|x|22 3B 7C|y\"; sid:" + sid + "; rev:1;)",
                rule);
        assertEquals(sid, SuricataRules.sid(UUID.fromString(SIGNATURE.toString())));
        assertTrue(sid >= 1_000_000_000L && sid < 2_000_000_000L, "sid " + sid);
        assertFalse(sid == SuricataRules.sid(COMPLETE), "orders differ, sids differ");
        assertEquals("caf|C3 A9| |0A|", SuricataRules.content("café \n"));
        String file = SuricataRules.render(ORDERS);
        assertEquals(1, file.lines().filter(l -> l.startsWith("drop ")).count(), file);
    }
}
