package dev.herd.agent.apply;

import dev.herd.agent.apply.check.CheckRunner;
import dev.herd.agent.apply.patch.PackageManager;
import dev.herd.agent.apply.patch.PatchPlanApplier;
import dev.herd.agent.apply.rules.RuleBundleApplier;
import dev.herd.contracts.delivery.ApplyOutcome;
import dev.herd.contracts.delivery.PatchPlan;
import dev.herd.contracts.delivery.RuleBundle;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Applies what the gateway delivers, for {@code apply} and for {@code run}: a rule bundle through nft, a patch plan
 * through the package manager it names, with operation checks made fresh for each plan (the listening profile is
 * taken before the plan starts).
 */
public class DeliveryApplier {

    private final RuleBundleApplier rules;
    private final Function<String, Optional<PackageManager>> packageManagers;
    private final Supplier<CheckRunner> checks;
    private final Clock clock;

    public DeliveryApplier(
            RuleBundleApplier rules,
            Function<String, Optional<PackageManager>> packageManagers,
            Supplier<CheckRunner> checks,
            Clock clock) {
        this.rules = rules;
        this.packageManagers = packageManagers;
        this.checks = checks;
        this.clock = clock;
    }

    public ApplyOutcome bundle(RuleBundle bundle, boolean dryRun) {
        return dryRun ? rules.dryRun(bundle) : rules.apply(bundle);
    }

    /** @throws BadInputException when the plan names a package manager the agent does not know */
    public ApplyOutcome plan(PatchPlan plan, boolean dryRun) throws BadInputException {
        PackageManager packages = packageManagers
                .apply(plan.packageManager())
                .orElseThrow(() -> new BadInputException("plan " + plan.planId() + ": unknown packageManager '"
                        + plan.packageManager() + "' (apt, dnf or apk)"));
        return new PatchPlanApplier(packages, checks.get(), clock).apply(plan, dryRun);
    }

    /** 0 when applied (or a dry run that passed), 1 otherwise: the exit status of {@code apply}. */
    public static int exitStatus(ApplyOutcome outcome) {
        return outcome.result() == ApplyOutcome.Result.APPLIED || outcome.result() == ApplyOutcome.Result.SIMULATED
                ? 0
                : 1;
    }
}
