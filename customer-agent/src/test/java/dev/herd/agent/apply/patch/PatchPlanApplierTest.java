package dev.herd.agent.apply.patch;

import static dev.herd.agent.apply.Deliveries.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herd.contracts.delivery.ApplyOutcome;
import dev.herd.contracts.delivery.ApplyOutcome.CheckResult;
import dev.herd.contracts.delivery.ApplyOutcome.InstalledVersion;
import dev.herd.contracts.delivery.ApplyOutcome.Result;
import dev.herd.contracts.delivery.PatchPlan.Check;
import dev.herd.contracts.delivery.PatchPlan.Step;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order of installs, checks and rollbacks, with a recording package manager and checks that answer on cue. */
class PatchPlanApplierTest {

    private static final Check SERVICE_UP = new Check("http", "http://localhost:8080/health", "200");
    private static final Check SSHD = new Check("process", "sshd", null);

    private final RecordingPackageManager packages =
            new RecordingPackageManager().with("openssl", "3.0.1").with("libssl3", "3.0.1");
    private final List<String> checksRun = new ArrayList<>();
    /** Whether the http check passes; switched by the test between phases. */
    private boolean serviceUp = true;

    private final PatchPlanApplier applier = new PatchPlanApplier(packages, this::check, Clock.systemUTC());

    private CheckResult check(Check check) {
        checksRun.add(check.kind() + " with " + packages.installed);
        boolean passed = !check.kind().equals("http") || serviceUp;
        return new CheckResult(check.kind(), check.target(), passed, passed ? "fine" : "HTTP 503 (expected 200)");
    }

    private static List<Step> opensslSteps() {
        return List.of(new Step(2, "openssl", "3.0.1", "3.0.2"), new Step(1, "libssl3", "3.0.1", "3.0.2"));
    }

    @Test
    void stepsRunInOrderAndPassingPostChecksLeaveThemApplied() {
        ApplyOutcome outcome = applier.apply(plan("apt", opensslSteps(), List.of(SSHD), List.of(SERVICE_UP)), false);

        assertEquals(Result.APPLIED, outcome.result(), outcome.message());
        assertEquals(List.of("install libssl3=3.0.2", "install openssl=3.0.2"), packages.calls);
        assertEquals(
                List.of(new InstalledVersion("openssl", "3.0.2"), new InstalledVersion("libssl3", "3.0.2")),
                outcome.installed());
        assertEquals(
                List.of("before: fine", "after: fine"),
                outcome.checks().stream().map(CheckResult::detail).toList());
    }

    @Test
    void aFailingPostCheckRollsEveryStepBackInReverseOrder() {
        serviceUp = false;

        ApplyOutcome outcome = applier.apply(plan("apt", opensslSteps(), List.of(), List.of(SERVICE_UP)), false);

        assertEquals(Result.ROLLED_BACK, outcome.result(), outcome.message());
        assertEquals(
                List.of(
                        "install libssl3=3.0.2",
                        "install openssl=3.0.2",
                        "install openssl=3.0.1",
                        "install libssl3=3.0.1"),
                packages.calls);
        assertEquals("3.0.1", packages.installed.get("openssl"));
        assertEquals("3.0.1", packages.installed.get("libssl3"));
        assertTrue(outcome.message().startsWith("post-check failed: http"), outcome.message());
        assertTrue(outcome.message().endsWith("rolled back 2 step(s)"), outcome.message());
        // The post-check ran after the install and once more after the rollback, with the old versions back.
        assertEquals(
                List.of("http with {libssl3=3.0.2, openssl=3.0.2}", "http with {libssl3=3.0.1, openssl=3.0.1}"),
                checksRun);
        assertTrue(outcome.checks().stream().anyMatch(c -> c.detail().startsWith("after rollback: ")));
        assertEquals(
                List.of(new InstalledVersion("openssl", "3.0.1"), new InstalledVersion("libssl3", "3.0.1")),
                outcome.installed());
    }

    @Test
    void aFailingPreCheckStopsBeforeAnythingIsTouched() {
        serviceUp = false;

        ApplyOutcome outcome = applier.apply(plan("apt", opensslSteps(), List.of(SERVICE_UP), List.of()), false);

        assertEquals(Result.FAILED, outcome.result());
        assertTrue(outcome.message().startsWith("pre-check failed, nothing changed: http"), outcome.message());
        assertEquals(List.of(), packages.calls);
    }

    @Test
    void aPackageNotAtThePlannedVersionMakesThePlanStale() {
        packages.with("openssl", "3.0.0");

        ApplyOutcome outcome = applier.apply(plan("apt", opensslSteps(), List.of(), List.of()), false);

        assertEquals(Result.FAILED, outcome.result());
        assertTrue(outcome.message().contains("openssl: installed 3.0.0, the plan expects 3.0.1"), outcome.message());
        assertEquals(List.of(), packages.calls);
    }

    @Test
    void aFailedInstallRollsBackTheStepsBeforeIt() {
        packages.failing("openssl=3.0.2");

        ApplyOutcome outcome = applier.apply(plan("apt", opensslSteps(), List.of(), List.of(SERVICE_UP)), false);

        assertEquals(Result.ROLLED_BACK, outcome.result(), outcome.message());
        assertEquals(
                List.of("install libssl3=3.0.2", "install openssl=3.0.2", "install libssl3=3.0.1"), packages.calls);
        assertTrue(
                outcome.message().startsWith("installing openssl 3.0.2 failed: E: cannot install"), outcome.message());
    }

    @Test
    void aFirstInstallThatFailsLeavesNothingToRollBack() {
        packages.failing("libssl3=3.0.2");

        ApplyOutcome outcome = applier.apply(plan("apt", opensslSteps(), List.of(), List.of()), false);

        assertEquals(Result.FAILED, outcome.result());
        assertTrue(outcome.message().endsWith("nothing had changed"), outcome.message());
        assertEquals(List.of("install libssl3=3.0.2"), packages.calls);
    }

    @Test
    void aRollbackThatFailsIsReportedAsFailed() {
        serviceUp = false;
        packages.failing("openssl=3.0.1");

        ApplyOutcome outcome = applier.apply(plan("apt", opensslSteps(), List.of(), List.of(SERVICE_UP)), false);

        assertEquals(Result.FAILED, outcome.result());
        assertTrue(outcome.message().contains("rollback incomplete: openssl: E: cannot install"), outcome.message());
        assertEquals("3.0.1", packages.installed.get("libssl3"), "the other step was still rolled back");
    }

    @Test
    void aPackageTheStepInstalledNewIsRemovedOnRollback() {
        serviceUp = false;
        List<Step> steps = List.of(new Step(1, "libfoo", null, "1.0"));

        ApplyOutcome outcome = applier.apply(plan("apt", steps, List.of(), List.of(SERVICE_UP)), false);

        assertEquals(Result.ROLLED_BACK, outcome.result());
        assertEquals(List.of("install libfoo=1.0", "remove libfoo"), packages.calls);
    }

    @Test
    void aStepAlreadyAtItsTargetIsNeitherInstalledNorRolledBack() {
        serviceUp = false;
        packages.with("libssl3", "3.0.2");

        ApplyOutcome outcome = applier.apply(plan("apt", opensslSteps(), List.of(), List.of(SERVICE_UP)), false);

        assertEquals(Result.ROLLED_BACK, outcome.result());
        assertEquals(List.of("install openssl=3.0.2", "install openssl=3.0.1"), packages.calls);
        assertEquals("3.0.2", packages.installed.get("libssl3"));
    }

    @Test
    void aDryRunOnlySimulates() {
        ApplyOutcome outcome = applier.apply(plan("apt", opensslSteps(), List.of(SSHD), List.of(SERVICE_UP)), true);

        assertEquals(Result.SIMULATED, outcome.result(), "a dry run never claims to have applied anything");
        assertEquals(List.of("simulate [libssl3=3.0.2, openssl=3.0.2]"), packages.calls);
        assertEquals(
                List.of("process with {libssl3=3.0.1, openssl=3.0.1}"),
                checksRun,
                "pre-checks run, post-checks do not");
        CheckResult dryRun = outcome.checks().getLast();
        assertEquals("dry-run", dryRun.kind());
        assertTrue(dryRun.passed());
        assertTrue(outcome.message().startsWith("dry run: apt would do: Inst libssl3"), outcome.message());
    }
}
