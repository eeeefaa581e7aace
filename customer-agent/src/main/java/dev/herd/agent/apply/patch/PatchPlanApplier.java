package dev.herd.agent.apply.patch;

import dev.herd.agent.apply.ApplyOutcomes;
import dev.herd.agent.apply.check.CheckRunner;
import dev.herd.agent.apply.patch.PackageManager.PackageVersion;
import dev.herd.agent.process.CommandResult;
import dev.herd.contracts.delivery.ApplyOutcome;
import dev.herd.contracts.delivery.ApplyOutcome.CheckResult;
import dev.herd.contracts.delivery.ApplyOutcome.InstalledVersion;
import dev.herd.contracts.delivery.ApplyOutcome.Kind;
import dev.herd.contracts.delivery.ApplyOutcome.Result;
import dev.herd.contracts.delivery.PatchPlan;
import dev.herd.contracts.delivery.PatchPlan.Check;
import dev.herd.contracts.delivery.PatchPlan.Step;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies a patch plan: pre-checks (and every package still at the version the plan expects) or nothing happens;
 * then either a simulation (dry run) or the steps in order, the post-checks, and, when an install or a post-check
 * fails, every step taken back to its installed version in reverse order and the post-checks run once more.
 * Check details start with when they ran: {@code before}, {@code after} or {@code after rollback}.
 */
public class PatchPlanApplier {

    private final PackageManager packages;
    private final CheckRunner checks;
    private final Clock clock;

    public PatchPlanApplier(PackageManager packages, CheckRunner checks, Clock clock) {
        this.packages = packages;
        this.checks = checks;
        this.clock = clock;
    }

    public ApplyOutcome apply(PatchPlan plan, boolean dryRun) {
        List<Step> steps = plan.steps().stream()
                .sorted(Comparator.comparingInt(Step::order))
                .toList();
        List<CheckResult> results = new ArrayList<>();
        List<String> failedBefore = run(plan.preChecks(), "before", results);
        failedBefore.addAll(unexpectedVersions(steps, results));
        if (!failedBefore.isEmpty()) {
            return outcome(
                    plan,
                    Result.FAILED,
                    results,
                    "pre-check failed, nothing changed: " + String.join("; ", failedBefore));
        }
        if (dryRun) {
            return simulate(plan, steps, results);
        }
        List<Step> touched = new ArrayList<>();
        String failure = null;
        for (Step step : steps) {
            if (step.targetVersion()
                    .equals(packages.installedVersion(step.packageName()).orElse(null))) {
                continue;
            }
            touched.add(step);
            CommandResult installed = packages.install(new PackageVersion(step.packageName(), step.targetVersion()));
            if (!installed.succeeded()) {
                failure = "installing " + step.packageName() + " " + step.targetVersion() + " failed: "
                        + shorten(installed.message());
                break;
            }
        }
        if (failure == null) {
            List<String> failedAfter = run(plan.postChecks(), "after", results);
            if (failedAfter.isEmpty()) {
                return outcome(
                        plan,
                        Result.APPLIED,
                        results,
                        "applied " + touched.size() + " of " + steps.size() + " step(s); every check passed");
            }
            failure = "post-check failed: " + String.join("; ", failedAfter);
        }
        return rollBack(plan, touched, failure, results);
    }

    private ApplyOutcome simulate(PatchPlan plan, List<Step> steps, List<CheckResult> results) {
        CommandResult simulated = packages.simulate(steps.stream()
                .map(s -> new PackageVersion(s.packageName(), s.targetVersion()))
                .toList());
        String said = summary(simulated);
        results.add(new CheckResult("dry-run", simulated.commandLine(), simulated.succeeded(), said));
        String message = simulated.succeeded()
                ? "dry run: " + packages.name() + " would do: " + said + "; nothing installed"
                : "dry run: " + packages.name() + " refuses the plan: " + said;
        return outcome(plan, simulated.succeeded() ? Result.SIMULATED : Result.FAILED, results, message);
    }

    private ApplyOutcome rollBack(PatchPlan plan, List<Step> touched, String failure, List<CheckResult> results) {
        List<String> problems = new ArrayList<>();
        int undone = 0;
        for (Step step : touched.reversed()) {
            Optional<String> now = packages.installedVersion(step.packageName());
            if (Objects.equals(now.orElse(null), blankToNull(step.installedVersion()))) {
                continue;
            }
            CommandResult back =
                    step.installedVersion() == null || step.installedVersion().isBlank()
                            ? packages.remove(step.packageName())
                            : packages.install(new PackageVersion(step.packageName(), step.installedVersion()));
            results.add(new CheckResult(
                    "rollback",
                    step.packageName() + " " + Objects.requireNonNullElse(step.installedVersion(), "(remove)"),
                    back.succeeded(),
                    back.succeeded() ? "done" : shorten(back.message())));
            if (back.succeeded()) {
                undone++;
            } else {
                problems.add(step.packageName() + ": " + shorten(back.message()));
            }
        }
        if (undone > 0 || !problems.isEmpty()) {
            run(plan.postChecks(), "after rollback", results);
        }
        if (!problems.isEmpty()) {
            return outcome(
                    plan, Result.FAILED, results, failure + "; rollback incomplete: " + String.join("; ", problems));
        }
        if (undone == 0) {
            return outcome(plan, Result.FAILED, results, failure + "; nothing had changed");
        }
        return outcome(plan, Result.ROLLED_BACK, results, failure + "; rolled back " + undone + " step(s)");
    }

    /** Runs the checks, adds their results, and returns a line for each one that failed. */
    private List<String> run(List<Check> list, String when, List<CheckResult> results) {
        List<String> failed = new ArrayList<>();
        for (Check check : list) {
            CheckResult result = checks.run(check);
            results.add(
                    new CheckResult(result.kind(), result.target(), result.passed(), when + ": " + result.detail()));
            if (!result.passed()) {
                failed.add(result.kind() + " " + result.target() + ": " + result.detail());
            }
        }
        return failed;
    }

    /** A package neither at the version the plan was made for nor already at the target: the plan is stale. */
    private List<String> unexpectedVersions(List<Step> steps, List<CheckResult> results) {
        List<String> failed = new ArrayList<>();
        for (Step step : steps) {
            String now = packages.installedVersion(step.packageName()).orElse(null);
            String expected = blankToNull(step.installedVersion());
            if (!Objects.equals(now, expected) && !step.targetVersion().equals(now)) {
                String detail = "installed " + (now == null ? "nothing" : now) + ", the plan expects "
                        + (expected == null ? "nothing" : expected);
                results.add(new CheckResult("version", step.packageName(), false, "before: " + detail));
                failed.add(step.packageName() + ": " + detail);
            }
        }
        return failed;
    }

    private ApplyOutcome outcome(PatchPlan plan, Result result, List<CheckResult> results, String message) {
        List<InstalledVersion> installed = plan.steps().stream()
                .map(Step::packageName)
                .distinct()
                .map(name -> new InstalledVersion(
                        name, packages.installedVersion(name).orElse(null)))
                .toList();
        return ApplyOutcomes.of(Kind.PATCH_PLAN, plan.planId().toString(), result, results, installed, message, clock);
    }

    /** apt's {@code Inst}/{@code Remv} lines when there are some, else what the tool said. */
    static String summary(CommandResult result) {
        List<String> actions = result.stdout()
                .lines()
                .filter(l -> l.startsWith("Inst ") || l.startsWith("Remv ") || l.startsWith("Purg "))
                .toList();
        if (!actions.isEmpty()) {
            return shorten(String.join(" | ", actions));
        }
        String said = result.message();
        return said.isEmpty() ? "exit " + result.exitCode() : shorten(said);
    }

    private static String shorten(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
