package dev.herd.portal.diagnosis;

import dev.herd.portal.advisory.AdvisoryStored;
import dev.herd.portal.advisory.DiagnosisLock;
import dev.herd.portal.advisory.KnownAdvisory;
import dev.herd.portal.machine.Machine;
import dev.herd.portal.machine.MachineInventoryStored;
import dev.herd.portal.machine.MachineRepository;
import dev.herd.portal.match.Verdict;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Exposure findings, kept like package findings (same table, states, history and FindingsChanged, so rules follow):
 * every machine of every tenant when an exposure advisory changes, one machine when its listening services change.
 * A withdrawn advisory closes its exposure findings everywhere as WITHDRAWN.
 */
@ApplicationScoped
public class ExposureService {

    /** Machines examined per step when an advisory changes: the fleet is read a page at a time, never whole. */
    static final int PAGE = 500;

    private final MachineRepository machines;
    private final FindingReconciler reconciler;
    private final Event<DiagnosisService.FindingsChanged> findingsChanged;
    private final DiagnosisLock lock;
    private final EntityManager entityManager;
    private final StandingAdvisories standing;

    public ExposureService(
            MachineRepository machines,
            FindingReconciler reconciler,
            Event<DiagnosisService.FindingsChanged> findingsChanged,
            DiagnosisLock lock,
            EntityManager entityManager,
            StandingAdvisories standing) {
        this.machines = machines;
        this.reconciler = reconciler;
        this.findingsChanged = findingsChanged;
        this.lock = lock;
        this.entityManager = entityManager;
        this.standing = standing;
    }

    void onAdvisoryStored(@Observes @Priority(AdvisoryStored.EXPOSURE) AdvisoryStored stored) {
        advisoryChanged(stored.advisory());
    }

    void onInventoryStored(@Observes @Priority(MachineInventoryStored.EXPOSURE) MachineInventoryStored stored) {
        if (stored.listeningChanged()) {
            machineChanged(stored.machine());
        }
    }

    /** Re-examines every machine against this advisory when it is matched by exposure (or has exposure findings). */
    @Transactional(Transactional.TxType.MANDATORY)
    public FindingReconciler.Outcome advisoryChanged(KnownAdvisory advisory) {
        Set<UUID> found = machinesWithFindings(advisory.id);
        boolean exposing = ExposureMatcher.byExposure(advisory) && !advisory.withdrawn;
        if (!exposing && found.isEmpty()) {
            return new FindingReconciler.Outcome(0, 0, 0, 0);
        }
        lock.acquire();
        Set<String> tenants = new LinkedHashSet<>();
        AtomicReference<FindingReconciler.Outcome> outcome = new AtomicReference<>(FindingReconciler.Outcome.NONE);
        Consumer<List<Machine>> examine = page -> {
            Map<UUID, List<Verdict>> verdicts = new HashMap<>();
            for (Machine machine : page) {
                List<Verdict> exposed = ExposureMatcher.verdicts(machine, advisory);
                if (!exposed.isEmpty()) {
                    verdicts.put(machine.id, exposed);
                }
                if (!exposed.isEmpty() || found.contains(machine.id)) {
                    tenants.add(machine.tenantId);
                }
            }
            outcome.accumulateAndGet(
                    reconciler.reconcile(
                            page,
                            advisory.id,
                            advisory.withdrawn,
                            verdicts,
                            Map.of(advisory.id, advisory),
                            FindingKind.EXPOSURE),
                    FindingReconciler.Outcome::plus);
        };
        if (exposing) {
            machines.forEachPage(PAGE, examine);
        } else {
            machines.forEachPage(found, PAGE, examine);
        }
        tenants.forEach(t -> findingsChanged.fire(new DiagnosisService.FindingsChanged(t)));
        return outcome.get();
    }

    /** Re-examines one machine against every standing exposure advisory. */
    @Transactional(Transactional.TxType.MANDATORY)
    public FindingReconciler.Outcome machineChanged(Machine machine) {
        lock.acquireShared();
        List<KnownAdvisory> exposing = standing.exposing();
        List<Verdict> verdicts = new ArrayList<>();
        exposing.forEach(a -> verdicts.addAll(ExposureMatcher.verdicts(machine, a)));
        FindingReconciler.Outcome outcome = reconciler.reconcile(
                List.of(machine),
                null,
                false,
                Map.of(machine.id, verdicts),
                exposing.stream().collect(Collectors.toMap(a -> a.id, Function.identity())),
                FindingKind.EXPOSURE);
        if (outcome.opened() + outcome.reopened() + outcome.closed() + outcome.changed() > 0) {
            findingsChanged.fire(new DiagnosisService.FindingsChanged(machine.tenantId));
        }
        return outcome;
    }

    private Set<UUID> machinesWithFindings(String advisoryId) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager
                .createNativeQuery("SELECT DISTINCT machine_id FROM finding WHERE advisory_id = :a "
                        + "AND package_name LIKE 'service:%'")
                .setParameter("a", advisoryId)
                .getResultList();
        return new LinkedHashSet<>(ids);
    }
}
