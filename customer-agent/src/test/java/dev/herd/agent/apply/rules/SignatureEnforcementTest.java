package dev.herd.agent.apply.rules;

import static dev.herd.agent.apply.Deliveries.herdTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herd.agent.process.CommandResult;
import dev.herd.agent.process.SystemProcessRunner;
import dev.herd.contracts.delivery.ApplyOutcome;
import dev.herd.contracts.delivery.ApplyOutcome.Result;
import dev.herd.contracts.delivery.RuleBundle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Payload-signature rules as kernel string matches, applied by the agent in a throwaway network namespace and met by
 * real HTTP requests on the namespace's loopback: requests carrying the signature are dropped, clean ones answered.
 */
class SignatureEnforcementTest {

    private static final SystemProcessRunner RUNNER = new SystemProcessRunner(Duration.ofSeconds(60));
    private static final int PORT = 8443;
    private static final String SIGNATURE = "/cgi-bin/.%2e/.%2e/bin/sh";
    private static final int REQUESTS = 5;

    /** Sends REQUESTS attack and REQUESTS clean requests (0.5 s timeout each) and prints what was answered. */
    private static final String CLIENT = """
            import socket, sys
            def answered(path):
                try:
                    with socket.create_connection(("127.0.0.1", %d), timeout=0.5) as s:
                        s.sendall(("GET " + path + " HTTP/1.0\\r\\nHost: lab\\r\\n\\r\\n").encode())
                        return s.recv(12).startswith(b"HTTP/")
                except OSError:
                    return False
            attack = sum(answered(sys.argv[1]) for _ in range(%d))
            clean = sum(answered("/index.html") for _ in range(%d))
            print(attack, clean)
            """.formatted(PORT, REQUESTS, REQUESTS);

    private NetworkNamespace namespace;
    private Process server;
    private Nft nft;
    private RuleBundleApplier applier;

    @BeforeEach
    void lab() throws Exception {
        namespace = new NetworkNamespace();
        assertTrue(inNamespace("ip", "link", "set", "lo", "up").succeeded());
        List<String> serve = new ArrayList<>(namespace.run("python3"));
        serve.addAll(List.of("-m", "http.server", Integer.toString(PORT), "--bind", "127.0.0.1"));
        server = new ProcessBuilder(serve)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        nft = new Nft(RUNNER, namespace.nft());
        applier = new RuleBundleApplier(nft, new SignatureRules(RUNNER, namespace.iptables()), Clock.systemUTC());
        for (int i = 0; i < 50 && wire().clean() < REQUESTS; i++) {
            Thread.sleep(100);
        }
    }

    @AfterEach
    void close() {
        if (server != null) {
            server.destroyForcibly();
        }
        namespace.close();
    }

    @Test
    void attackRequestsAreDroppedOnTheWireAndCleanOnesAnsweredUntilTheRuleIsWithdrawn() {
        assertEquals(new Wire(REQUESTS, REQUESTS), wire(), "before the bundle everything is answered");

        ApplyOutcome applied = applier.apply(full(1, signatureRule(2, SIGNATURE)));

        assertEquals(Result.APPLIED, applied.result(), applied.message());
        assertEquals("revision 1 applied, with its string-match rules", applied.message());
        assertEquals(
                "1 string-match rule(s) in HERD-SIG for IPv4 and IPv6",
                applied.checks().get(1).detail());
        assertEquals(new Wire(0, REQUESTS), wire(), "attack dropped, clean answered");
        assertTrue(chain("iptables").contains("--comment \"herd:2 CVE-2024-4577\""), chain("iptables"));
        assertTrue(
                chain("iptables").contains("-j NFLOG --nflog-prefix \"herd:2\" --nflog-group 42"),
                "each hit is logged for the monitor before it is dropped: " + chain("iptables"));
        assertTrue(chain("ip6tables").contains("herd:2 CVE-2024-4577"), chain("ip6tables"));

        ApplyOutcome withdrawn = applier.apply(delta(2, 1, List.of(), List.of(2)));

        assertEquals(Result.APPLIED, withdrawn.result(), withdrawn.message());
        assertEquals(new Wire(REQUESTS, REQUESTS), wire(), "after the withdrawal the attack passes again");
        assertFalse(chain("iptables").contains("herd:2 "), chain("iptables"));
    }

    @Test
    void aDeltaKeepsTheSignatureRulesItDoesNotTouch() {
        applier.apply(full(1, signatureRule(2, SIGNATURE)));

        ApplyOutcome outcome = applier.apply(delta(2, 1, List.of(signatureRule(5, "/other-attack")), List.of()));

        assertEquals(Result.APPLIED, outcome.result(), outcome.message());
        String listed = chain("iptables");
        assertTrue(listed.contains("herd:2 ") && listed.contains("herd:5 "), listed);
        assertEquals(new Wire(0, REQUESTS), wire());
    }

    @Test
    void aStringMatchTheKernelRefusesRollsBackBothPartsWithAClearOutcome() {
        applier.apply(full(1, signatureRule(2, SIGNATURE)));
        String tableBefore = nft.listHerdTable().orElseThrow();
        RuleBundle.Rule refused = new RuleBundle.Rule(3, "CVE-2024-0003", "DROP", "nosuchproto", null, "x", List.of());

        ApplyOutcome outcome = applier.apply(new RuleBundle(
                "acme",
                2,
                Instant.parse("2026-12-07T03:00:00Z"),
                List.of(signatureRule(2, SIGNATURE), refused),
                herdTable("herd:9 revision 2"),
                ""));

        assertEquals(Result.ROLLED_BACK, outcome.result(), outcome.message());
        assertTrue(
                outcome.message().startsWith("revision 2's string-match rules failed (the kernel refused"),
                outcome.message());
        assertTrue(
                outcome.message().endsWith("previous nftables table and string-match rules restored"),
                outcome.message());
        assertEquals(tableBefore, nft.listHerdTable().orElseThrow(), "the nftables part is back as it was");
        assertTrue(chain("iptables").contains("herd:2 "), "the string-match rules are back as they were");
        assertEquals(
                2,
                SignatureChain.appended(chain("iptables")).size(),
                "rule 2's NFLOG line and its DROP, and nothing of rule 3");
        assertEquals(new Wire(0, REQUESTS), wire(), "and still enforced");
    }

    @Test
    void aSignatureIsMatchedLiterallyAndCannotAddRulesOfItsOwn() {
        String hostile = "x\" -j ACCEPT\n-A INPUT -j DROP\nCOMMIT\n";

        ApplyOutcome outcome = applier.apply(full(1, signatureRule(4, hostile)));

        assertEquals(Result.APPLIED, outcome.result(), outcome.message());
        assertEquals(2, SignatureChain.appended(chain("iptables")).size(), "its NFLOG line and its DROP");
        assertEquals(
                List.of("-P INPUT ACCEPT", "-A INPUT -j HERD-SIG"),
                chain("iptables", "INPUT").lines().toList());
        assertEquals(new Wire(REQUESTS, REQUESTS), wire(), "no request carries the hostile text: all answered");
    }

    @Test
    void aSignatureLongerThanIptablesTakesIsMatchedByItsStart() {
        String longSignature = SIGNATURE + "?" + "a".repeat(200);

        ApplyOutcome outcome = applier.apply(full(1, signatureRule(2, longSignature)));

        assertEquals(Result.APPLIED, outcome.result(), outcome.message());
        assertEquals(
                "1 string-match rule(s) in HERD-SIG for IPv4 and IPv6; 1 signature(s) longer than 127 bytes matched"
                        + " by their start",
                outcome.checks().get(1).detail());
        assertEquals(new Wire(0, REQUESTS), wire(longSignature), "a request carrying the signature is dropped");
    }

    @Test
    void aDryRunAsksTheKernelAndChangesNothing() {
        ApplyOutcome outcome = applier.dryRun(full(1, signatureRule(2, SIGNATURE)));

        assertEquals(Result.SIMULATED, outcome.result(), outcome.message());
        assertEquals(
                "iptables-restore --test accepts them", outcome.checks().get(1).detail());
        assertFalse(inNamespace("iptables", "-S", "HERD-SIG").succeeded(), "no chain made");
        assertEquals(new Wire(REQUESTS, REQUESTS), wire());
    }

    private record Wire(int attackAnswered, int cleanAnswered) {
        int clean() {
            return cleanAnswered;
        }
    }

    private Wire wire() {
        return wire(SIGNATURE);
    }

    /** What the namespace's server answered of REQUESTS requests for {@code attack} and REQUESTS clean ones. */
    private Wire wire(String attack) {
        List<String> client = new ArrayList<>(namespace.run("python3"));
        client.addAll(List.of("-c", CLIENT, attack));
        CommandResult result = RUNNER.run(client);
        assertTrue(result.succeeded(), result.message());
        String[] counts = result.stdout().strip().split(" ");
        return new Wire(Integer.parseInt(counts[0]), Integer.parseInt(counts[1]));
    }

    private String chain(String program) {
        return chain(program, SignatureChain.CHAIN);
    }

    private String chain(String program, String chain) {
        return inNamespace(program, "-S", chain).stdout();
    }

    private CommandResult inNamespace(String program, String... args) {
        List<String> command = new ArrayList<>(namespace.run(program));
        command.addAll(List.of(args));
        return RUNNER.run(command);
    }

    private static RuleBundle.Rule signatureRule(int number, String signature) {
        return new RuleBundle.Rule(number, "CVE-2024-4577", "DROP", "tcp", PORT, signature, List.of("web-01"));
    }

    private static RuleBundle full(long revision, RuleBundle.Rule... rules) {
        return new RuleBundle(
                "acme", revision, Instant.parse("2026-12-07T03:00:00Z"), List.of(rules), herdTable("herd:1 nft"), "");
    }

    private static RuleBundle delta(long revision, long base, List<RuleBundle.Rule> put, List<Integer> withdrawn) {
        return RuleBundle.delta(
                "acme",
                revision,
                Instant.parse("2026-12-07T03:00:00Z"),
                base,
                "table inet herd\n",
                new RuleBundle.Changes(put, withdrawn));
    }
}
