package dev.herd.agent.apply.intake;

import static dev.herd.agent.apply.Deliveries.bundle;
import static dev.herd.agent.apply.Deliveries.herdTable;
import static dev.herd.agent.apply.Deliveries.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herd.agent.apply.ApplyMode;
import dev.herd.agent.apply.Deliveries;
import dev.herd.agent.apply.DeliveryApplier;
import dev.herd.agent.apply.check.CheckRunner;
import dev.herd.agent.apply.patch.AptPackageManager;
import dev.herd.agent.apply.patch.PackageManager;
import dev.herd.agent.apply.patch.RecordingPackageManager;
import dev.herd.agent.apply.rules.NetworkNamespace;
import dev.herd.agent.apply.rules.Nft;
import dev.herd.agent.apply.rules.RuleBundleApplier;
import dev.herd.agent.apply.rules.SignatureRules;
import dev.herd.agent.gateway.GatewayClient;
import dev.herd.agent.process.SystemProcessRunner;
import dev.herd.contracts.delivery.ApplyOutcome.CheckResult;
import dev.herd.contracts.delivery.PatchPlan;
import dev.herd.contracts.delivery.PatchPlan.Step;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run}'s delivery loop against a local gateway: long polls with ETags, dry runs with the real nft -c and
 * apt-get -s, real applies in a throwaway network namespace (rules) and through a recording package manager (plans),
 * outcomes queued on disk while the gateway refuses them, and plans answered once across restarts.
 */
class DeliveryLoopTest {

    private static final SystemProcessRunner RUNNER = new SystemProcessRunner(Duration.ofSeconds(60));
    private static final String CREDENTIAL = "0b0e2f6c-52c4-4d6a-9d8e-2b7b8b5a9c01:s3cret";

    @TempDir
    Path stateDir;

    private FakeDeliveryGateway gateway;
    private NetworkNamespace namespace;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final RecordingPackageManager packages = new RecordingPackageManager().with("openssl", "3.0.1");

    @BeforeEach
    void start() throws Exception {
        gateway = new FakeDeliveryGateway();
        namespace = new NetworkNamespace();
    }

    @AfterEach
    void stop() {
        gateway.close();
        namespace.close();
    }

    private static String bashVersion() {
        return RUNNER.run(List.of("dpkg-query", "-W", "-f=${Version}", "bash"))
                .stdout()
                .strip();
    }

    private static final CheckRunner PASSING = c -> new CheckResult(c.kind(), c.target(), true, "fine");

    /** An agent whose plans use this machine's apt (dry runs) or the recording package manager (auto). */
    private DeliveryLoop agent(ApplyMode mode, URI uri) {
        DeliveryApplier applier = new DeliveryApplier(
                new RuleBundleApplier(
                        new Nft(RUNNER, namespace.nft()),
                        new SignatureRules(RUNNER, namespace.iptables()),
                        Clock.systemUTC()),
                name -> Optional.<PackageManager>of(mode == ApplyMode.AUTO ? packages : new AptPackageManager(RUNNER)),
                () -> PASSING,
                Clock.systemUTC());
        return new DeliveryLoop(
                new GatewayClient(uri, Clock.systemUTC()),
                CREDENTIAL,
                stateDir,
                mode,
                applier,
                Duration.ofSeconds(1),
                Clock.systemUTC(),
                new PrintStream(log, true));
    }

    private DeliveryLoop agent(ApplyMode mode) {
        return agent(mode, gateway.uri());
    }

    private PatchPlan opensslPlan() {
        return plan("apt", List.of(new Step(1, "openssl", "3.0.1", "3.0.2")), List.of(), List.of());
    }

    @Test
    void aDryRunChecksTheBundleSimulatesThePlanAndPostsBothOutcomes() {
        String bash = bashVersion();
        PatchPlan plan = plan("apt", List.of(new Step(1, "bash", bash, bash)), List.of(), List.of());
        gateway.bundle = bundle(5, herdTable("herd rule 1 CVE-2024-0001"));
        gateway.bundleRevision = 5;
        gateway.plans = List.of(plan);
        DeliveryLoop agent = agent(ApplyMode.DRY_RUN);

        assertNull(agent.pollRuleBundle());
        assertNull(agent.pollPatchPlans());
        assertNull(agent.sendOutcomes());

        assertEquals(2, gateway.outcomes.size());
        JsonNode rules = gateway.outcomes.get(0);
        assertEquals("RULE_BUNDLE", rules.path("kind").asText());
        assertEquals("5", rules.path("reference").asText());
        assertTrue(rules.path("checks").path(0).path("passed").asBoolean(), rules.toString());
        JsonNode patch = gateway.outcomes.get(1);
        assertEquals(plan.planId().toString(), patch.path("reference").asText());
        assertEquals(
                "apt-get -s install bash=" + bash,
                patch.path("checks").path(0).path("target").asText());
        assertTrue(nothingIn(namespace), "a dry run loads nothing");
        FakeDeliveryGateway.Request first = gateway.requests.getFirst();
        assertEquals("GET", first.method());
        assertEquals("/agent/rule-bundle?wait=1", first.uri());
        assertEquals("Agent " + CREDENTIAL, first.authorization());
        assertNotNull(first.timestamp());
        assertTrue(first.nonce().length() >= 16);
    }

    private static boolean nothingIn(NetworkNamespace namespace) {
        return new Nft(RUNNER, namespace.nft()).listHerdTable().isEmpty();
    }

    @Test
    void theNextPollSendsTheEtagAndAnUnchangedAnswerAppliesNothing() {
        gateway.bundle = bundle(5, herdTable("herd rule 1"));
        gateway.bundleRevision = 5;
        DeliveryLoop agent = agent(ApplyMode.DRY_RUN);
        agent.pollRuleBundle();

        assertNull(agent.pollRuleBundle());
        assertNull(agent(ApplyMode.DRY_RUN).pollRuleBundle(), "a restarted agent remembers the ETag too");
        agent.sendOutcomes();

        List<FakeDeliveryGateway.Request> polls = gateway.requests(DeliveryLoop.RULE_BUNDLE);
        assertEquals(
                List.of("none", "\"5\"", "\"5\""),
                polls.stream()
                        .map(r -> r.ifNoneMatch() == null ? "none" : r.ifNoneMatch())
                        .toList());
        assertEquals(1, gateway.outcomes.size());
    }

    @Test
    void autoAppliesTheBundleAndThePlan() {
        gateway.bundle = bundle(6, herdTable("herd rule 6"));
        gateway.bundleRevision = 6;
        gateway.plans = List.of(opensslPlan());
        DeliveryLoop agent = agent(ApplyMode.AUTO);

        agent.pollRuleBundle();
        agent.pollPatchPlans();
        agent.sendOutcomes();

        assertTrue(
                new Nft(RUNNER, namespace.nft()).listHerdTable().orElseThrow().contains("comment \"herd rule 6\""));
        assertEquals(List.of("install openssl=3.0.2"), packages.calls);
        assertEquals(
                List.of("APPLIED", "APPLIED"),
                gateway.outcomes.stream().map(o -> o.path("result").asText()).toList());
    }

    @Test
    void autoAsksForDeltasAndAppliesThemOnTopOfTheRevisionItHolds() {
        gateway.bundle = bundle(1, Deliveries.PORTAL_FULL);
        gateway.bundleRevision = 1;
        DeliveryLoop agent = agent(ApplyMode.AUTO);
        agent.pollRuleBundle();
        gateway.bundle = Deliveries.delta(2, 1, Deliveries.PORTAL_DELTA_2, List.of(2));
        gateway.bundleRevision = 2;
        gateway.bundleStatus = 226;
        agent.pollRuleBundle();
        agent.pollRuleBundle();
        agent.sendOutcomes();

        List<FakeDeliveryGateway.Request> polls = gateway.requests("/agent/rule-bundle");
        assertEquals("herd-delta", polls.get(0).acceptedManipulation());
        assertEquals(null, polls.get(0).ifNoneMatch());
        assertEquals("\"1\"", polls.get(1).ifNoneMatch());
        assertEquals("\"2\"", polls.get(2).ifNoneMatch(), "the delta's revision is held now");
        assertEquals(
                List.of("APPLIED", "APPLIED"),
                gateway.outcomes.stream().map(o -> o.path("result").asText()).toList());
        String table = new Nft(RUNNER, namespace.nft()).listHerdTable().orElseThrow();
        assertTrue(table.contains("herd:3 CVE-2024-0003") && !table.contains("herd:2 "), table);
    }

    @Test
    void aDeltaThatFailsMakesTheNextPollAskForTheFullBundle() {
        gateway.bundle = bundle(1, herdTable("herd rule 1"));
        gateway.bundleRevision = 1;
        DeliveryLoop agent = agent(ApplyMode.AUTO);
        agent.pollRuleBundle();
        // a delta that cannot apply to what this host holds: nft refuses it, nothing changes
        gateway.bundle = Deliveries.delta(2, 1, Deliveries.PORTAL_DELTA_2, List.of(2));
        gateway.bundleRevision = 2;
        gateway.bundleStatus = 226;
        agent.pollRuleBundle();
        gateway.bundle = bundle(2, Deliveries.PORTAL_FULL);
        gateway.bundleStatus = 200;
        agent.pollRuleBundle();
        agent.sendOutcomes();

        List<FakeDeliveryGateway.Request> polls = gateway.requests("/agent/rule-bundle");
        assertEquals("\"1\"", polls.get(1).ifNoneMatch());
        assertEquals("herd-delta", polls.get(1).acceptedManipulation());
        assertEquals("\"1\"", polls.get(2).ifNoneMatch(), "the failed delta's revision is not held");
        assertEquals(null, polls.get(2).acceptedManipulation(), "the full bundle is asked for");
        assertEquals(
                List.of("APPLIED", "FAILED", "APPLIED"),
                gateway.outcomes.stream().map(o -> o.path("result").asText()).toList());
        assertTrue(
                new Nft(RUNNER, namespace.nft()).listHerdTable().orElseThrow().contains("herd:2 CVE-2024-0002"));
    }

    @Test
    void aDeltaOnAnotherBaseIsNotAppliedAndTheFullBundleAskedFor() {
        gateway.bundle = bundle(1, Deliveries.PORTAL_FULL);
        gateway.bundleRevision = 1;
        DeliveryLoop agent = agent(ApplyMode.AUTO);
        agent.pollRuleBundle();
        gateway.bundle = Deliveries.delta(5, 4, Deliveries.PORTAL_DELTA_3, List.of(3));
        gateway.bundleRevision = 5;
        gateway.bundleStatus = 226;
        agent.pollRuleBundle();
        agent.pollRuleBundle();
        agent.sendOutcomes();

        assertEquals("FAILED", gateway.outcomes.get(1).path("result").asText());
        assertTrue(gateway.outcomes.get(1).path("message").asText().contains("does not build on"));
        assertEquals(null, gateway.requests("/agent/rule-bundle").get(2).acceptedManipulation());
    }

    @Test
    void aDryRunNeverAsksForDeltas() {
        gateway.bundle = bundle(1, Deliveries.PORTAL_FULL);
        gateway.bundleRevision = 1;
        DeliveryLoop agent = agent(ApplyMode.DRY_RUN);
        agent.pollRuleBundle();
        agent.pollRuleBundle();
        assertTrue(gateway.requests("/agent/rule-bundle").stream().allMatch(r -> r.acceptedManipulation() == null));
    }

    @Test
    void outcomesWaitOnDiskWhileTheGatewayRefusesThemAndGoOutInOrder() throws Exception {
        gateway.bundle = bundle(7, herdTable("herd rule 7"));
        gateway.bundleRevision = 7;
        gateway.plans = List.of(opensslPlan());
        gateway.outcomeStatus = 503;
        DeliveryLoop agent = agent(ApplyMode.AUTO);

        agent.pollRuleBundle();
        agent.pollPatchPlans();
        String problem = agent.sendOutcomes();

        assertEquals("2 outcome(s) queued: outcome refused: HTTP 503 unavailable", problem);
        URI nobody = URI.create("http://127.0.0.1:" + freePort());
        assertTrue(agent(ApplyMode.AUTO, nobody).sendOutcomes().startsWith("2 outcome(s) queued: gateway unreachable"));
        assertTrue(gateway.outcomes.isEmpty());

        gateway.outcomeStatus = 200;
        assertNull(agent(ApplyMode.AUTO).sendOutcomes(), "a restarted agent sends what was queued");
        assertEquals(
                List.of("RULE_BUNDLE", "PATCH_PLAN"),
                gateway.outcomes.stream().map(o -> o.path("kind").asText()).toList());
        assertTrue(new OutcomeQueue(stateDir.resolve("outcomes")).pending().isEmpty());
    }

    @Test
    void aPlanAnsweredOnceIsNotAppliedAgainEvenAfterARestart() {
        gateway.plans = List.of(opensslPlan());
        gateway.ignoreEtags = true;

        agent(ApplyMode.AUTO).pollPatchPlans();
        packages.installed.put("openssl", "3.0.1");
        agent(ApplyMode.AUTO).pollPatchPlans();
        agent(ApplyMode.AUTO).sendOutcomes();

        assertEquals(List.of("install openssl=3.0.2"), packages.calls);
        assertEquals(1, gateway.outcomes.size());
    }

    @Test
    void aPlanOnlyDryRunIsAppliedOnceTheModeIsAuto() {
        String bash = bashVersion();
        PatchPlan plan = plan("apt", List.of(new Step(1, "bash", bash, bash)), List.of(), List.of());
        packages.with("bash", bash);
        gateway.plans = List.of(plan);

        agent(ApplyMode.DRY_RUN).pollPatchPlans();
        agent(ApplyMode.DRY_RUN).pollPatchPlans();
        agent(ApplyMode.AUTO).pollPatchPlans();
        agent(ApplyMode.AUTO).pollPatchPlans();
        agent(ApplyMode.AUTO).sendOutcomes();

        assertEquals(
                List.of("dry-run", "patch"),
                gateway.outcomes.stream()
                        .map(o -> o.path("message").asText().startsWith("dry run") ? "dry-run" : "patch")
                        .toList());
        assertEquals("APPLIED", gateway.outcomes.get(1).path("result").asText());
    }

    @Test
    void noBundleAtTheGatewayChangesNothing() {
        assertNull(agent(ApplyMode.AUTO).pollRuleBundle());
        agent(ApplyMode.AUTO).sendOutcomes();

        assertTrue(gateway.outcomes.isEmpty());
        assertTrue(nothingIn(namespace));
    }

    @Test
    void aBundleWithoutNftablesTextIsAnsweredFailed() {
        gateway.bundle = bundle(9, "");
        gateway.bundleRevision = 9;

        agent(ApplyMode.AUTO).pollRuleBundle();
        agent(ApplyMode.AUTO).sendOutcomes();

        JsonNode outcome = gateway.outcomes.getFirst();
        assertEquals("FAILED", outcome.path("result").asText());
        assertEquals("9", outcome.path("reference").asText());
        assertEquals(
                "rule bundle from the gateway: the rule bundle has no nftables text",
                outcome.path("message").asText());
    }

    @Test
    void theStartedLoopPollsAppliesAndReportsOnItsOwn() throws Exception {
        gateway.bundle = bundle(10, herdTable("herd rule 10"));
        gateway.bundleRevision = 10;
        gateway.plans = List.of(opensslPlan());
        List<Thread> threads = agent(ApplyMode.AUTO).start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (gateway.outcomes.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } finally {
            threads.forEach(Thread::interrupt);
        }
        assertEquals(2, gateway.outcomes.size(), log.toString());
        assertTrue(
                new Nft(RUNNER, namespace.nft()).listHerdTable().orElseThrow().contains("herd rule 10"));
    }

    private static int freePort() throws Exception {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
