package dev.herd.portal.diagnosis;

import dev.herd.portal.advisory.KnownAdvisory;
import dev.herd.portal.advisory.KnownAdvisoryRepository;
import dev.herd.portal.diagnosis.match.AdvisoryIndex;
import dev.herd.portal.diagnosis.match.FleetMatcher;
import dev.herd.portal.diagnosis.match.InstalledPackage;
import dev.herd.portal.diagnosis.match.Verdict;
import dev.herd.portal.machine.InstalledPackages;
import dev.herd.portal.machine.Machine;
import dev.herd.portal.machine.MachineRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Matches machines against advisories and stores the findings: a whole tenant on demand, only the machines having
 * one of its packages when an advisory changes, only the machine itself when its inventory changes.
 */
@ApplicationScoped
public class DiagnosisService {

    private final KnownAdvisoryRepository advisories;
    private final MachineRepository machines;
    private final InstalledPackages packages;
    private final FindingReconciler reconciler;
    private final Event<FindingsChanged> findingsChanged;
    private final DiagnosisLock lock;

    public DiagnosisService(
            KnownAdvisoryRepository advisories,
            MachineRepository machines,
            InstalledPackages packages,
            FindingReconciler reconciler,
            Event<FindingsChanged> findingsChanged,
            DiagnosisLock lock) {
        this.advisories = advisories;
        this.machines = machines;
        this.packages = packages;
        this.reconciler = reconciler;
        this.findingsChanged = findingsChanged;
        this.lock = lock;
    }

    /** Re-diagnoses the machines that have a package the advisory names, for that advisory only. */
    @Transactional(Transactional.TxType.MANDATORY)
    public FindingReconciler.Outcome advisoryChanged(KnownAdvisory advisory) {
        lock.acquire();
        Set<String> names = advisory.affected.stream().map(a -> a.name()).collect(Collectors.toSet());
        List<Machine> touched = machines.byIds(packages.machinesWith(names));
        List<KnownAdvisory> standing = advisory.withdrawn ? List.of() : List.of(advisory);
        Map<UUID, List<InstalledPackage>> installed =
                packages.of(touched.stream().map(m -> m.id).toList(), names);
        return diagnose(touched, installed, standing, advisory.id, advisory.withdrawn);
    }

    /** Re-diagnoses one machine against every advisory naming one of its packages. */
    @Transactional(Transactional.TxType.MANDATORY)
    public FindingReconciler.Outcome machineChanged(Machine machine) {
        lock.acquire();
        Map<UUID, List<InstalledPackage>> installed = packages.of(List.of(machine.id));
        Set<String> names = names(installed);
        return diagnose(List.of(machine), installed, advisories.standingFor(names), null, false);
    }

    /** Re-diagnoses every machine of a tenant against every standing advisory. */
    @Transactional
    public DiagnosisSummary diagnoseTenant(String tenantId) {
        long started = System.nanoTime();
        lock.acquire();
        List<Machine> tenantMachines = machines.ofTenant(tenantId);
        Map<UUID, List<InstalledPackage>> installed =
                packages.of(tenantMachines.stream().map(m -> m.id).toList());
        List<KnownAdvisory> standing = advisories.standingFor(names(installed));
        FindingReconciler.Outcome outcome = diagnose(tenantMachines, installed, standing, null, false);
        return new DiagnosisSummary(
                tenantId,
                tenantMachines.size(),
                standing.size(),
                outcome.opened(),
                outcome.reopened(),
                outcome.closed(),
                outcome.changed(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private FindingReconciler.Outcome diagnose(
            List<Machine> scope,
            Map<UUID, List<InstalledPackage>> installed,
            List<KnownAdvisory> standing,
            String advisoryScope,
            boolean withdrawn) {
        if (scope.isEmpty()) {
            return new FindingReconciler.Outcome(0, 0, 0, 0);
        }
        FleetMatcher matcher = new FleetMatcher(AdvisoryIndex.of(KnownAdvisoryRepository.rangesOf(standing)));
        Map<UUID, List<Verdict>> verdicts = new HashMap<>();
        for (Machine machine : scope) {
            matcher.match(
                    new FleetMatcher.Machine<>(
                            machine.id, machine.ecosystem, installed.getOrDefault(machine.id, List.of())),
                    (id, verdict) ->
                            verdicts.computeIfAbsent(id, k -> new ArrayList<>()).add(verdict));
        }
        Map<String, KnownAdvisory> byId = standing.stream().collect(Collectors.toMap(a -> a.id, Function.identity()));
        FindingReconciler.Outcome outcome = reconciler.reconcile(scope, advisoryScope, withdrawn, verdicts, byId);
        scope.stream().map(m -> m.tenantId).distinct().forEach(t -> findingsChanged.fire(new FindingsChanged(t)));
        return outcome;
    }

    private static Set<String> names(Map<UUID, List<InstalledPackage>> installed) {
        Set<String> names = new HashSet<>();
        installed.values().forEach(list -> list.forEach(p -> names.add(p.name())));
        return names;
    }

    /** Fired (synchronously, inside the transaction) after findings of a tenant were reconciled. */
    public record FindingsChanged(String tenantId) {}
}
