package dev.herd.portal.patch;

import dev.herd.contracts.delivery.PatchPlan;
import dev.herd.portal.machine.InstalledPackages;
import dev.herd.portal.machine.Machine;
import dev.herd.portal.policy.TenantPolicy;
import dev.herd.portal.version.VersionOrder;
import dev.herd.portal.version.VersionOrders;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Plans one machine's patch from its open patchable findings. A finding names the source package (on Debian) and
 * its fixed version; the steps are the machine's binary packages built from it. Target version: the fixed version
 * when the binary's version equals its source version, or equals it plus a binNMU suffix {@code +bN} (a new source
 * upload starts without one); a binary with any other version of its own is left out with a note, as is a package
 * the policy forbids. Two findings on one binary take the higher fixed version (the ecosystem's order). Order:
 * {@code lib*} packages first, then by name, so libraries are in place before the programs that load them.
 */
@ApplicationScoped
public class PatchPlanner {

    private static final Pattern BIN_NMU = Pattern.compile("\\+b[0-9]+");
    private static final Comparator<String> LIBRARIES_FIRST =
            Comparator.comparing((String name) -> !name.startsWith("lib")).thenComparing(Comparator.naturalOrder());

    private final InstalledPackages packages;

    public PatchPlanner(InstalledPackages packages) {
        this.packages = packages;
    }

    /** The plan for the machine, or empty when nothing can be planned (no known package manager, no step). */
    Optional<MachinePatchPlan> plan(Machine machine, List<PlanFinding> findings, TenantPolicy policy, Instant now) {
        PackageManager manager;
        try {
            manager = PackageManager.forOs(machine.osId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        VersionOrder order = VersionOrders.forEcosystem(machine.ecosystem);
        TreeMap<String, PatchPlan.Step> steps = new TreeMap<>(LIBRARIES_FIRST);
        List<Long> findingIds = new ArrayList<>();
        TreeSet<String> advisories = new TreeSet<>();
        List<String> notes = new ArrayList<>();
        for (PlanFinding finding : findings) {
            List<PatchPlan.Step> mine = steps(machine, manager, finding, policy, notes);
            if (mine.isEmpty()) {
                continue;
            }
            for (PatchPlan.Step step : mine) {
                steps.merge(
                        step.packageName(),
                        step,
                        (a, b) -> order.compare(a.targetVersion(), b.targetVersion()) >= 0 ? a : b);
            }
            findingIds.add(finding.id());
            advisories.add(finding.advisoryId());
        }
        if (steps.isEmpty()) {
            return Optional.empty();
        }
        List<PatchPlan.Step> ordered = new ArrayList<>();
        for (PatchPlan.Step step : steps.values()) {
            ordered.add(new PatchPlan.Step(
                    ordered.size() + 1, step.packageName(), step.installedVersion(), step.targetVersion()));
        }
        MachinePatchPlan plan = new MachinePatchPlan();
        plan.id = UUID.randomUUID();
        plan.tenantId = machine.tenantId;
        plan.machineId = machine.id;
        plan.machineName = machine.name;
        plan.state = PatchPlanState.PROPOSED;
        plan.packageManager = manager.name().toLowerCase(Locale.ROOT);
        plan.steps = ordered;
        plan.preChecks = PlanChecks.of(machine);
        plan.postChecks = plan.preChecks;
        plan.advisories = List.copyOf(advisories);
        plan.findingIds = findingIds;
        plan.notes = notes;
        plan.createdAt = now;
        return Optional.of(plan);
    }

    private List<PatchPlan.Step> steps(
            Machine machine, PackageManager manager, PlanFinding finding, TenantPolicy policy, List<String> notes) {
        if (forbidden(policy, finding.packageName(), finding.fixed())) {
            notes.add(finding.packageName() + " " + finding.fixed() + ": forbidden by the patch policy");
            return List.of();
        }
        List<PatchPlan.Step> steps = new ArrayList<>();
        for (InstalledPackages.Binary installed : packages.binariesOf(machine, finding.packageName())) {
            String binary = installed.name();
            String version = installed.version();
            String sourceVersion = installed.matchVersion();
            boolean follows = version.equals(sourceVersion)
                    || (version.startsWith(sourceVersion)
                            && BIN_NMU.matcher(version.substring(sourceVersion.length()))
                                    .matches());
            if (!follows) {
                notes.add(binary + " " + version + ": its version does not follow source " + finding.packageName() + " "
                        + sourceVersion + "; left out");
                continue;
            }
            if (forbidden(policy, binary, finding.fixed())) {
                notes.add(binary + " " + finding.fixed() + ": forbidden by the patch policy");
                return List.of();
            }
            try {
                new PackageUpgrade(binary, version, finding.fixed());
            } catch (IllegalArgumentException e) {
                notes.add(binary + ": " + e.getMessage() + "; left out");
                continue;
            }
            if (!manager.acceptsPackageName(binary)) {
                notes.add(binary + ": not a valid " + manager + " package name; left out");
                continue;
            }
            steps.add(new PatchPlan.Step(0, binary, version, finding.fixed()));
        }
        return steps;
    }

    private static boolean forbidden(TenantPolicy policy, String packageName, String version) {
        return policy.patching().forbidden().stream().anyMatch(r -> r.covers(packageName, version));
    }
}
