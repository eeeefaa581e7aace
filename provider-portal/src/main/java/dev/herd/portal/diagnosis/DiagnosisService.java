package dev.herd.portal.diagnosis;

import dev.herd.portal.advisory.AdvisoryStored;
import dev.herd.portal.advisory.DiagnosisLock;
import dev.herd.portal.advisory.KnownAdvisory;
import dev.herd.portal.advisory.KnownAdvisoryRepository;
import dev.herd.portal.machine.InstalledPackages;
import dev.herd.portal.machine.Machine;
import dev.herd.portal.machine.MachineInventoryStored;
import dev.herd.portal.machine.MachineRepository;
import dev.herd.portal.match.AdvisoryIndex;
import dev.herd.portal.match.CpeProducts;
import dev.herd.portal.match.FleetMatcher;
import dev.herd.portal.match.InstalledPackage;
import dev.herd.portal.match.Verdict;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Matches machines against advisories and stores the findings: a whole tenant on demand, only the machines having
 * one of its packages when an advisory changes, only the machine itself when its inventory changes (against the
 * in-memory {@link StandingAdvisories}).
 */
@ApplicationScoped
public class DiagnosisService {

    /** Machines re-diagnosed per step when an advisory changes. */
    static final int PAGE = 500;

    private final StandingAdvisories standing;
    private final MachineRepository machines;
    private final InstalledPackages packages;
    private final FindingReconciler reconciler;
    private final Event<FindingsChanged> findingsChanged;
    private final DiagnosisLock lock;

    public DiagnosisService(
            StandingAdvisories standing,
            MachineRepository machines,
            InstalledPackages packages,
            FindingReconciler reconciler,
            Event<FindingsChanged> findingsChanged,
            DiagnosisLock lock) {
        this.standing = standing;
        this.machines = machines;
        this.packages = packages;
        this.reconciler = reconciler;
        this.findingsChanged = findingsChanged;
        this.lock = lock;
    }

    void onAdvisoryStored(@Observes @Priority(AdvisoryStored.DIAGNOSIS) AdvisoryStored stored) {
        advisoryChanged(stored.advisory());
    }

    void onInventoryStored(@Observes @Priority(MachineInventoryStored.DIAGNOSIS) MachineInventoryStored stored) {
        machineChanged(stored.machine());
    }

    /**
     * Re-diagnoses the machines that have a package the advisory names, for that advisory only, {@link #PAGE} machines
     * at a time: a package every machine has (openssl) must not bring the whole fleet into memory at once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public FindingReconciler.Outcome advisoryChanged(KnownAdvisory advisory) {
        lock.acquire();
        Set<String> names = advisory.affected.stream()
                .map(a -> CpeProducts.isCpe(a.ecosystem()) ? CpeProducts.product(a.name()) : a.name())
                .collect(Collectors.toSet());
        FleetMatcher matcher = new FleetMatcher(
                AdvisoryIndex.of(advisory.withdrawn ? List.of() : KnownAdvisoryRepository.rangesOf(List.of(advisory))));
        Set<String> tenants = new LinkedHashSet<>();
        AtomicReference<FindingReconciler.Outcome> outcome = new AtomicReference<>(FindingReconciler.Outcome.NONE);
        machines.forEachPage(packages.machinesWith(names), PAGE, touched -> {
            Map<UUID, List<InstalledPackage>> installed = packages.of(touched, names);
            Map<UUID, List<Verdict>> verdicts = new HashMap<>();
            for (Machine machine : touched) {
                matcher.match(
                        new FleetMatcher.Machine<>(
                                machine.id, machine.ecosystem, installed.getOrDefault(machine.id, List.of())),
                        (id, verdict) -> verdicts.computeIfAbsent(id, k -> new ArrayList<>())
                                .add(verdict));
                tenants.add(machine.tenantId);
            }
            outcome.accumulateAndGet(
                    reconciler.reconcile(
                            touched, advisory.id, advisory.withdrawn, verdicts, Map.of(advisory.id, advisory)),
                    FindingReconciler.Outcome::plus);
        });
        tenants.forEach(t -> findingsChanged.fire(FindingsChanged.ofAdvisory(t, advisory.id)));
        return outcome.get();
    }

    /** Re-diagnoses one machine against every standing advisory. */
    @Transactional(Transactional.TxType.MANDATORY)
    public FindingReconciler.Outcome machineChanged(Machine machine) {
        lock.acquireShared();
        return diagnose(List.of(machine), packages.of(List.of(machine)), false);
    }

    /** Re-diagnoses every machine of a tenant against every standing advisory. */
    @Transactional
    public DiagnosisSummary diagnoseTenant(String tenantId) {
        long started = System.nanoTime();
        lock.acquire();
        List<Machine> tenantMachines = machines.ofTenant(tenantId);
        Map<UUID, List<InstalledPackage>> installed = packages.of(tenantMachines);
        FindingReconciler.Outcome outcome = diagnose(tenantMachines, installed, true);
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
            List<Machine> scope, Map<UUID, List<InstalledPackage>> installed, boolean wholeTenant) {
        if (scope.isEmpty()) {
            return new FindingReconciler.Outcome(0, 0, 0, 0);
        }
        StandingAdvisories.Diagnosis diagnosis = standing.match(scope.stream()
                .map(m -> new FleetMatcher.Machine<>(m.id, m.ecosystem, installed.getOrDefault(m.id, List.of())))
                .toList());
        FindingReconciler.Outcome outcome =
                reconciler.reconcile(scope, null, false, diagnosis.verdicts(), diagnosis.advisories());
        Map<String, Set<UUID>> machinesByTenant = new HashMap<>();
        scope.forEach(m -> machinesByTenant
                .computeIfAbsent(m.tenantId, k -> new LinkedHashSet<>())
                .add(m.id));
        machinesByTenant.forEach((tenant, ids) -> findingsChanged.fire(
                wholeTenant ? FindingsChanged.ofTenant(tenant) : FindingsChanged.ofMachines(tenant, ids)));
        return outcome;
    }

    /**
     * Fired (synchronously, inside the transaction) after findings of a tenant were reconciled: those of some
     * advisories, those of some machines, or (both empty) any of the tenant's. Whoever follows findings (filter
     * rules) may then look at that part only.
     */
    public record FindingsChanged(String tenantId, Set<String> advisoryIds, Set<UUID> machineIds) {

        public FindingsChanged {
            advisoryIds = Set.copyOf(advisoryIds);
            machineIds = Set.copyOf(machineIds);
        }

        public static FindingsChanged ofTenant(String tenantId) {
            return new FindingsChanged(tenantId, Set.of(), Set.of());
        }

        public static FindingsChanged ofAdvisory(String tenantId, String advisoryId) {
            return new FindingsChanged(tenantId, Set.of(advisoryId), Set.of());
        }

        public static FindingsChanged ofMachines(String tenantId, Set<UUID> machineIds) {
            return new FindingsChanged(tenantId, Set.of(), machineIds);
        }

        /** Whether any finding of the tenant may have changed. */
        public boolean wholeTenant() {
            return advisoryIds.isEmpty() && machineIds.isEmpty();
        }
    }
}
