package dev.herd.agent.apply.rules;

import static dev.herd.agent.apply.Deliveries.bundle;
import static dev.herd.agent.apply.Deliveries.herdTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herd.agent.AgentCli;
import dev.herd.agent.apply.Deliveries;
import dev.herd.agent.apply.DeliveryJson;
import dev.herd.agent.process.SystemProcessRunner;
import dev.herd.contracts.delivery.ApplyOutcome;
import dev.herd.contracts.delivery.ApplyOutcome.Result;
import dev.herd.contracts.delivery.RuleBundle;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apply --bundle} with the real nft: dry runs ask {@code nft -c} on this machine (nothing changes); real
 * applies run in a throwaway network namespace, so this machine's firewall is never touched.
 */
class RuleBundleApplyTest {

    private static final SystemProcessRunner RUNNER = new SystemProcessRunner(Duration.ofSeconds(30));

    @TempDir
    Path dir;

    private NetworkNamespace namespace;
    private Nft nft;
    private RuleBundleApplier applier;

    @BeforeEach
    void namespace() throws Exception {
        namespace = new NetworkNamespace();
        nft = new Nft(RUNNER, namespace.nft());
        applier = new RuleBundleApplier(nft, new SignatureRules(RUNNER, namespace.iptables()), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        namespace.close();
    }

    @Test
    void dryRunOfAValidRulesetPassesNftCheck() throws Exception {
        Path file = Deliveries.write(dir, "bundle.json", bundle(7, herdTable("herd rule 1 CVE-2024-0001")));

        AgentCli cli = AgentCli.run("apply", "--bundle", file.toString(), "--dry-run");

        assertEquals(0, cli.exit(), cli.err());
        JsonNode outcome = DeliveryJson.MAPPER.readTree(cli.out());
        assertEquals("RULE_BUNDLE", outcome.path("kind").asText());
        assertEquals("SIMULATED", outcome.path("result").asText());
        assertEquals("7", outcome.path("reference").asText());
        assertEquals("dry-run", outcome.path("checks").path(0).path("kind").asText());
        assertTrue(outcome.path("checks").path(0).path("passed").asBoolean());
        assertTrue(outcome.path("message").asText().contains("nothing applied"), cli.out());
    }

    @Test
    void dryRunOfAnInvalidRulesetFailsWithNftsMessage() throws Exception {
        String broken = herdTable("herd rule 1").replace("tcp dport", "tcp dprot");
        Path file = Deliveries.write(dir, "bundle.json", bundle(8, broken));

        AgentCli cli = AgentCli.run("apply", "--bundle", file.toString(), "--dry-run");

        assertEquals(1, cli.exit());
        JsonNode outcome = DeliveryJson.MAPPER.readTree(cli.out());
        assertEquals("FAILED", outcome.path("result").asText());
        assertFalse(outcome.path("checks").path(0).path("passed").asBoolean());
        assertTrue(outcome.path("message").asText().contains("Error: syntax error"), cli.out());
    }

    @Test
    void applyLoadsTheTableAndVerifiesEveryRuleComment() throws Exception {
        Path file = Deliveries.write(
                dir, "bundle.json", bundle(1, herdTable("herd rule 1 CVE-2024-0001", "herd rule 2 CVE-2024-0002")));

        AgentCli cli = AgentCli.run("apply", "--bundle", file.toString(), "--nft", String.join(",", namespace.nft()));

        assertEquals(0, cli.exit(), cli.out() + cli.err());
        ApplyOutcome outcome = DeliveryJson.MAPPER.readValue(cli.out(), ApplyOutcome.class);
        assertEquals(Result.APPLIED, outcome.result());
        assertEquals("2 rule comment(s) present", outcome.checks().getFirst().detail());
        String table = nft.listHerdTable().orElseThrow();
        assertTrue(table.contains("comment \"herd rule 2 CVE-2024-0002\""), table);
        assertFalse(
                new Nft(RUNNER, List.of("nft")).listHerdTable().orElse("").contains("CVE-2024-0002"),
                "the host's ruleset is untouched");
    }

    @Test
    void aBundleThatFailsItsCheckIsRolledBackToTheSavedTable() {
        assertEquals(
                Result.APPLIED,
                applier.apply(bundle(1, herdTable("revision 1 rule"))).result());
        // Valid for nft, but its rule lands in another table: inet herd is left empty and the check fails.
        String misplaced = "table inet herd\nflush table inet herd\n"
                + herdTable("revision 2 rule").replace("inet herd", "inet elsewhere");

        ApplyOutcome outcome = applier.apply(bundle(2, misplaced));

        assertEquals(Result.ROLLED_BACK, outcome.result(), outcome.message());
        assertTrue(outcome.message().contains("rule comment(s) missing: revision 2 rule"), outcome.message());
        assertTrue(outcome.message().endsWith("previous table restored"), outcome.message());
        String table = nft.listHerdTable().orElseThrow();
        assertTrue(table.contains("comment \"revision 1 rule\""), table);
        assertTrue(table.contains("tcp dport 4000 drop"), table);
    }

    @Test
    void withoutAPreviousTableTheRollbackRemovesIt() {
        String misplaced = "table inet herd\n" + herdTable("lost rule").replace("inet herd", "inet elsewhere");

        ApplyOutcome outcome = applier.apply(bundle(3, misplaced));

        assertEquals(Result.ROLLED_BACK, outcome.result(), outcome.message());
        assertTrue(outcome.message().endsWith("table removed"), outcome.message());
        assertTrue(nft.listHerdTable().isEmpty(), "no table inet herd after the rollback");
    }

    @Test
    void aRulesetNftRefusesChangesNothing() {
        applier.apply(bundle(1, herdTable("kept rule")));

        ApplyOutcome outcome = applier.apply(bundle(2, herdTable("new rule").replace("drop", "dorp")));

        assertEquals(Result.FAILED, outcome.result());
        assertTrue(outcome.message().startsWith("nft refused revision 2; nothing changed: "), outcome.message());
        assertTrue(nft.listHerdTable().orElseThrow().contains("comment \"kept rule\""));
    }

    @Test
    void aDeltaIsAppliedInOneRunOnTopOfTheRevisionHeld() {
        assertEquals(
                Result.APPLIED, applier.apply(bundle(1, Deliveries.PORTAL_FULL)).result());

        ApplyOutcome outcome = applier.apply(Deliveries.delta(2, 1, Deliveries.PORTAL_DELTA_2, List.of(2)));

        assertEquals(Result.APPLIED, outcome.result(), outcome.message());
        assertEquals("revision 2 (delta on 1) applied", outcome.message());
        String table = nft.listHerdTable().orElseThrow();
        assertTrue(table.contains("elements = { 10.0.0.2, 10.0.0.3 }"), table);
        assertTrue(table.contains("comment \"herd:3 CVE-2024-0003\""), table);
        assertFalse(table.contains("herd:2") || table.contains("r2_v4") || table.contains("jump r2"), table);
    }

    @Test
    void deltasPutTogetherAreOneRunToo() {
        applier.apply(bundle(1, Deliveries.PORTAL_FULL));

        ApplyOutcome outcome = applier.apply(
                Deliveries.delta(3, 1, Deliveries.PORTAL_DELTA_2 + Deliveries.PORTAL_DELTA_3, List.of(2, 3)));

        assertEquals(Result.APPLIED, outcome.result(), outcome.message());
        String table = nft.listHerdTable().orElseThrow();
        assertTrue(table.contains("elements = { 10.0.0.2, 10.0.0.9 }"), table);
        assertFalse(table.contains("herd:3") || table.contains("herd:2") || table.contains("r3_v4"), table);
        assertTrue(table.contains("jump r1"), table);
    }

    @Test
    void aDeltaOnAnotherStateIsRefusedAndChangesNothing() {
        applier.apply(bundle(1, herdTable("kept rule")));

        ApplyOutcome outcome = applier.apply(Deliveries.delta(2, 1, Deliveries.PORTAL_DELTA_2, List.of(2)));

        assertEquals(Result.FAILED, outcome.result(), outcome.message());
        assertTrue(
                outcome.message().startsWith("nft refused revision 2 (delta on 1); nothing changed"),
                outcome.message());
        assertTrue(nft.listHerdTable().orElseThrow().contains("comment \"kept rule\""));
    }

    @Test
    void aDeltaThatLeavesAWithdrawnRuleInPlaceIsRolledBack() {
        applier.apply(bundle(1, Deliveries.PORTAL_FULL));
        String onlyElements = "add element inet herd r1_v4 { 10.0.0.7 }\n";

        ApplyOutcome outcome = applier.apply(Deliveries.delta(2, 1, onlyElements, List.of(2)));

        assertEquals(Result.ROLLED_BACK, outcome.result(), outcome.message());
        assertTrue(outcome.message().contains("withdrawn rule(s) still there: herd:2"), outcome.message());
        String table = nft.listHerdTable().orElseThrow();
        assertFalse(table.contains("10.0.0.7"), table);
        assertTrue(table.contains("comment \"herd:2 CVE-2024-0002\""), table);
    }

    @Test
    void aFullBundleFoldedFromDeltasExpectsOnlyTheRulesItLists() {
        RuleBundle.Rule one = new RuleBundle.Rule(1, "CVE-2024-0001", "DROP", "tcp", 443, null, List.of("web-01"));
        RuleBundle folded = new RuleBundle(
                "acme",
                3,
                Instant.parse("2026-11-21T08:00:00Z"),
                List.of(one),
                Deliveries.PORTAL_FULL + Deliveries.PORTAL_DELTA_2 + Deliveries.PORTAL_DELTA_3,
                "");

        ApplyOutcome outcome = applier.apply(folded);

        assertEquals(Result.APPLIED, outcome.result(), outcome.message());
        assertEquals(List.of("herd:1 CVE-2024-0001"), RuleBundleApplier.expectedComments(folded));
        assertTrue(nft.listHerdTable().orElseThrow().contains("elements = { 10.0.0.2, 10.0.0.9 }"));
    }

    @Test
    void ruleCommentsAreReadFromTheRuleset() {
        assertEquals(
                List.of("a", "b \\\"quoted\\\""),
                RuleBundleApplier.comments(
                        "tcp dport 1 drop comment \"a\"\nudp dport 2 drop comment \"b \\\"quoted\\\"\""));
    }
}
