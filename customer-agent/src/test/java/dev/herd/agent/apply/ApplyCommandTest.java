package dev.herd.agent.apply;

import static dev.herd.agent.apply.Deliveries.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herd.agent.AgentCli;
import dev.herd.agent.process.SystemProcessRunner;
import dev.herd.contracts.delivery.ApplyOutcome;
import dev.herd.contracts.delivery.ApplyOutcome.InstalledVersion;
import dev.herd.contracts.delivery.ApplyOutcome.Result;
import dev.herd.contracts.delivery.PatchPlan.Check;
import dev.herd.contracts.delivery.PatchPlan.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apply} as a user runs it: bad input exits 2 with one line on stderr; plans run against this machine's apt
 * (a simulation, and a real apply whose only step is already at its target, so nothing gets installed).
 */
class ApplyCommandTest {

    @TempDir
    Path dir;

    private static String bashVersion() {
        return new SystemProcessRunner(Duration.ofSeconds(30))
                .run(List.of("dpkg-query", "-W", "-f=${Version}", "bash"))
                .stdout()
                .strip();
    }

    private void assertBadInput(AgentCli cli, String error) {
        assertEquals(2, cli.exit());
        assertEquals("", cli.out());
        assertEquals("customer-agent: " + error + "\n", cli.err());
    }

    @Test
    void truncatedJsonIsBadInput() throws Exception {
        Path file = Deliveries.write(dir, "bundle.json", Deliveries.bundle(1, Deliveries.herdTable("r")));
        Files.writeString(file, Files.readString(file).substring(0, 40));

        AgentCli cli = AgentCli.run("apply", "--bundle", file.toString());

        assertEquals(2, cli.exit());
        assertTrue(
                cli.err().startsWith("customer-agent: " + file + " is not a valid RuleBundle: Unexpected end-of-input"),
                cli.err());
        assertEquals(1, cli.err().lines().count());
    }

    @Test
    void aMissingFileIsBadInput() {
        assertBadInput(
                AgentCli.run("apply", "--plan", dir.resolve("nope.json").toString()),
                "cannot read " + dir.resolve("nope.json") + ": no such file");
    }

    @Test
    void aBundleWithoutNftablesTextIsBadInput() {
        Path file = Deliveries.write(dir, "bundle.json", Deliveries.bundle(4, " "));
        assertBadInput(
                AgentCli.run("apply", "--bundle", file.toString(), "--dry-run"),
                file + ": the rule bundle has no nftables text");
    }

    @Test
    void aPlanWithoutStepsIsBadInput() {
        Path file = Deliveries.write(dir, "plan.json", plan("apt", List.of(), List.of(), List.of()));
        assertBadInput(AgentCli.run("apply", "--plan", file.toString()), file + ": the patch plan has no steps");
    }

    @Test
    void aPlanForAnUnknownPackageManagerIsBadInput() {
        var plan = plan("pacman", List.of(new Step(1, "bash", "5", "6")), List.of(), List.of());
        Path file = Deliveries.write(dir, "plan.json", plan);
        assertBadInput(
                AgentCli.run("apply", "--plan", file.toString(), "--dry-run"),
                "plan " + plan.planId() + ": unknown packageManager 'pacman' (apt, dnf or apk)");
    }

    @Test
    void bundleAndPlanTogetherAreAUsageError() {
        AgentCli cli = AgentCli.run("apply", "--bundle", "a.json", "--plan", "b.json");
        assertEquals(2, cli.exit());
        assertTrue(cli.err().contains("mutually exclusive"), cli.err());
    }

    @Test
    void aPlanDryRunAsksAptGetSimulate() throws Exception {
        String version = bashVersion();
        var plan = plan("apt", List.of(new Step(1, "bash", version, version)), List.of(), List.of());
        Path file = Deliveries.write(dir, "plan.json", plan);

        AgentCli cli = AgentCli.run("apply", "--plan", file.toString(), "--dry-run");

        assertEquals(0, cli.exit(), cli.out() + cli.err());
        ApplyOutcome outcome = DeliveryJson.MAPPER.readValue(cli.out(), ApplyOutcome.class);
        assertEquals(ApplyOutcome.Kind.PATCH_PLAN, outcome.kind());
        assertEquals(plan.planId().toString(), outcome.reference());
        assertEquals(
                "apt-get -s install bash=" + version,
                outcome.checks().getFirst().target());
        assertTrue(outcome.message().contains("bash is already the newest version"), outcome.message());
        assertEquals(List.of(new InstalledVersion("bash", version)), outcome.installed());
    }

    @Test
    void aPlanDryRunWithAnUnknownVersionFails() throws Exception {
        var plan = plan("apt", List.of(new Step(1, "bash", bashVersion(), "0.0-herd-missing")), List.of(), List.of());
        Path file = Deliveries.write(dir, "plan.json", plan);

        AgentCli cli = AgentCli.run("apply", "--plan", file.toString(), "--dry-run");

        assertEquals(1, cli.exit());
        ApplyOutcome outcome = DeliveryJson.MAPPER.readValue(cli.out(), ApplyOutcome.class);
        assertTrue(
                outcome.message().contains("Version '0.0-herd-missing' for 'bash' was not found"), outcome.message());
    }

    @Test
    void aRealApplyRunsItsChecksAndReadsVersionsFromDpkg() throws Exception {
        String version = bashVersion();
        var plan = plan(
                "apt",
                List.of(new Step(1, "bash", version, version)),
                List.of(new Check("process", "java", null)),
                List.of(new Check("process", "java", null), new Check("profile", null, null)));
        Path file = Deliveries.write(dir, "plan.json", plan);

        AgentCli cli = AgentCli.run("apply", "--plan", file.toString());

        ApplyOutcome outcome = DeliveryJson.MAPPER.readValue(cli.out(), ApplyOutcome.class);
        assertEquals(Result.APPLIED, outcome.result(), outcome.message());
        assertEquals(0, cli.exit());
        assertEquals("applied 0 of 1 step(s); every check passed", outcome.message());
        assertEquals(3, outcome.checks().size());
        assertEquals(List.of(new InstalledVersion("bash", version)), outcome.installed());
    }

    @Test
    void aFailingPreCheckFailsTheApply() throws Exception {
        String version = bashVersion();
        var plan = plan(
                "apt",
                List.of(new Step(1, "bash", version, "99:9")),
                List.of(new Check("process", "herd-no-such-daemon", null)),
                List.of());
        Path file = Deliveries.write(dir, "plan.json", plan);

        AgentCli cli = AgentCli.run("apply", "--plan", file.toString());

        assertEquals(1, cli.exit());
        ApplyOutcome outcome = DeliveryJson.MAPPER.readValue(cli.out(), ApplyOutcome.class);
        assertEquals(Result.FAILED, outcome.result());
        assertEquals(
                "pre-check failed, nothing changed: process herd-no-such-daemon: no process named herd-no-such-daemon",
                outcome.message());
    }
}
