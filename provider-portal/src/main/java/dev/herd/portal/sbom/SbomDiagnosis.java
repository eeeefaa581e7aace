package dev.herd.portal.sbom;

import dev.herd.portal.advisory.AdvisoryStored;
import dev.herd.portal.advisory.DiagnosisLock;
import dev.herd.portal.advisory.KnownAdvisory;
import dev.herd.portal.advisory.KnownAdvisoryRepository;
import dev.herd.portal.diagnosis.FindingKind;
import dev.herd.portal.diagnosis.FindingReconciler;
import dev.herd.portal.diagnosis.StandingAdvisories;
import dev.herd.portal.match.AdvisoryIndex;
import dev.herd.portal.match.CpeProducts;
import dev.herd.portal.match.Ecosystems;
import dev.herd.portal.match.FleetMatcher;
import dev.herd.portal.match.InstalledPackage;
import dev.herd.portal.match.Verdict;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Matches SBOM components against advisories as machines are matched (the same index, version orders and
 * reconciliation), keyed by SBOM: a new SBOM against every standing advisory, and a changed advisory against the SBOMs
 * that list one of its packages, {@link #PAGE} SBOMs at a time.
 */
@ApplicationScoped
public class SbomDiagnosis {

    /** SBOMs re-diagnosed per step when an advisory changes. */
    static final int PAGE = 500;

    /** After the machines' package diagnosis of the same advisory, before exposure. */
    static final int PRIORITY = AdvisoryStored.DIAGNOSIS + 5;

    private final StandingAdvisories standing;
    private final SbomRepository sboms;
    private final FindingReconciler reconciler;
    private final DiagnosisLock lock;

    public SbomDiagnosis(
            StandingAdvisories standing, SbomRepository sboms, FindingReconciler reconciler, DiagnosisLock lock) {
        this.standing = standing;
        this.sboms = sboms;
        this.reconciler = reconciler;
        this.lock = lock;
    }

    void onAdvisoryStored(@Observes @Priority(PRIORITY) AdvisoryStored stored) {
        advisoryChanged(stored.advisory());
    }

    /** Matches one SBOM's components against every standing advisory. */
    @Transactional(Transactional.TxType.MANDATORY)
    public FindingReconciler.Outcome sbomStored(Sbom sbom, List<SbomComponent> components) {
        lock.acquireShared();
        StandingAdvisories.Diagnosis diagnosis = standing.match(asMachines(sbom.id, components));
        return reconciler.reconcileSubjects(
                List.of(new FindingReconciler.Subject(sbom.id, sbom.tenantId)),
                null,
                false,
                diagnosis.verdicts(),
                diagnosis.advisories(),
                FindingKind.SBOM);
    }

    /** Re-diagnoses the SBOMs that list a package the advisory names, for that advisory only. */
    @Transactional(Transactional.TxType.MANDATORY)
    public FindingReconciler.Outcome advisoryChanged(KnownAdvisory advisory) {
        Set<SbomRepository.PackageKey> packages = new LinkedHashSet<>();
        advisory.affected.forEach(a -> packages.add(
                CpeProducts.isCpe(a.ecosystem())
                        ? new SbomRepository.PackageKey(CpeProducts.ECOSYSTEM, CpeProducts.product(a.name()))
                        : new SbomRepository.PackageKey(Ecosystems.normalise(a.ecosystem()), a.name())));
        if (packages.isEmpty()) {
            return FindingReconciler.Outcome.NONE;
        }
        lock.acquire();
        FleetMatcher matcher = new FleetMatcher(
                AdvisoryIndex.of(advisory.withdrawn ? List.of() : KnownAdvisoryRepository.rangesOf(List.of(advisory))));
        FindingReconciler.Outcome outcome = FindingReconciler.Outcome.NONE;
        UUID after = null;
        List<Sbom> page;
        do {
            page = sboms.withPackages(packages, after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            Map<UUID, List<SbomComponent>> components =
                    sboms.components(page.stream().map(s -> s.id).toList(), packages);
            Map<UUID, List<Verdict>> verdicts = new HashMap<>();
            for (Sbom sbom : page) {
                for (FleetMatcher.Machine<UUID> group :
                        asMachines(sbom.id, components.getOrDefault(sbom.id, List.of()))) {
                    matcher.match(
                            group,
                            (id, verdict) -> verdicts.computeIfAbsent(id, k -> new ArrayList<>())
                                    .add(verdict));
                }
            }
            outcome = outcome.plus(reconciler.reconcileSubjects(
                    page.stream()
                            .map(s -> new FindingReconciler.Subject(s.id, s.tenantId))
                            .toList(),
                    advisory.id,
                    advisory.withdrawn,
                    verdicts,
                    Map.of(advisory.id, advisory),
                    FindingKind.SBOM));
            after = page.get(page.size() - 1).id;
        } while (page.size() == PAGE);
        return outcome;
    }

    /** An SBOM's components as one matcher "machine" per ecosystem, all keyed by the SBOM's id. */
    private static List<FleetMatcher.Machine<UUID>> asMachines(UUID sbomId, List<SbomComponent> components) {
        Map<String, List<InstalledPackage>> byEcosystem = new LinkedHashMap<>();
        for (SbomComponent component : components) {
            byEcosystem
                    .computeIfAbsent(component.ecosystem(), e -> new ArrayList<>())
                    .add(new InstalledPackage(component.name(), component.version(), null));
        }
        List<FleetMatcher.Machine<UUID>> machines = new ArrayList<>();
        byEcosystem.forEach(
                (ecosystem, packages) -> machines.add(new FleetMatcher.Machine<>(sbomId, ecosystem, packages)));
        return machines;
    }
}
