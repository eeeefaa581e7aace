package dev.herd.portal.patch;

import dev.herd.contracts.delivery.PatchPlan;
import java.util.List;
import java.util.Locale;

/**
 * A plan's shell commands for people reading it (PatchCommandRenderer). A rollback plan moves packages down, which
 * {@code apt-get --only-upgrade} would refuse: its commands are the rollback rendering of the failed plan's steps.
 */
final class PlanCommands {

    private static final PatchCommandRenderer RENDERER = new PatchCommandRenderer();

    private PlanCommands() {}

    static List<String> install(MachinePatchPlan plan) {
        return plan.rollbackOf == null
                ? RENDERER.install(manager(plan), upgrades(plan.steps, false))
                : RENDERER.rollback(manager(plan), upgrades(plan.steps, true));
    }

    static List<String> rollback(MachinePatchPlan plan) {
        return plan.rollbackOf == null
                ? RENDERER.rollback(manager(plan), upgrades(plan.steps, false))
                : RENDERER.install(manager(plan), upgrades(plan.steps, true));
    }

    private static PackageManager manager(MachinePatchPlan plan) {
        return PackageManager.valueOf(plan.packageManager.toUpperCase(Locale.ROOT));
    }

    /** The steps as upgrades; {@code reversed}: a rollback plan's step read as the upgrade it undoes. */
    private static List<PackageUpgrade> upgrades(List<PatchPlan.Step> steps, boolean reversed) {
        List<PatchPlan.Step> ordered = reversed ? steps.reversed() : steps;
        return ordered.stream()
                .map(s -> reversed
                        ? new PackageUpgrade(s.packageName(), s.targetVersion(), s.installedVersion())
                        : new PackageUpgrade(s.packageName(), s.installedVersion(), s.targetVersion()))
                .toList();
    }
}
