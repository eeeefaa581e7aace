package dev.herd.portal.diagnosis.match;

import dev.herd.portal.version.VersionOrders;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The affected ranges of a set of advisories, looked up by (ecosystem, package), grouped by advisory so that one
 * lookup yields at most one verdict per advisory without comparing verdicts. Built once per diagnosis run and then
 * only read, so several threads may match against it.
 */
public final class AdvisoryIndex {

    private final Map<String, Map<String, List<AdvisoryRanges>>> byEcosystem = new HashMap<>();

    private AdvisoryIndex(Collection<AffectedRange> ranges) {
        Map<String, Map<String, Map<String, List<CompiledRange>>>> grouped = new HashMap<>();
        for (AffectedRange range : ranges) {
            String ecosystem = Ecosystems.normalise(range.ecosystem());
            CompiledRange compiled = new CompiledRange(range, VersionOrders.forRange(ecosystem, range.rangeType()));
            grouped.computeIfAbsent(ecosystem, e -> new HashMap<>())
                    .computeIfAbsent(range.packageName(), p -> new LinkedHashMap<>())
                    .computeIfAbsent(range.advisoryId(), a -> new ArrayList<>())
                    .add(compiled);
        }
        grouped.forEach((ecosystem, packages) -> {
            Map<String, List<AdvisoryRanges>> byPackage = new HashMap<>();
            packages.forEach((name, advisories) -> {
                List<AdvisoryRanges> list = new ArrayList<>(advisories.size());
                advisories.forEach((id, compiled) -> list.add(new AdvisoryRanges(compiled)));
                byPackage.put(name, list);
            });
            byEcosystem.put(ecosystem, byPackage);
        });
    }

    public static AdvisoryIndex of(Collection<AffectedRange> ranges) {
        return new AdvisoryIndex(ranges);
    }

    /**
     * Every verdict for one installed package of a machine in {@code ecosystem}, one per advisory: ranges of that
     * exact release, and ranges of the distribution without a release (they apply to every release).
     */
    public List<Verdict> verdicts(String ecosystem, InstalledPackage installed) {
        List<Verdict> verdicts = collect(byEcosystem.get(ecosystem), installed, List.of());
        String family = Ecosystems.family(ecosystem);
        if (!family.equals(ecosystem)) {
            List<Verdict> releaseless = collect(byEcosystem.get(family), installed, List.of());
            if (!releaseless.isEmpty()) {
                verdicts = merge(verdicts, releaseless);
            }
        }
        return verdicts;
    }

    private static List<Verdict> collect(
            Map<String, List<AdvisoryRanges>> packages, InstalledPackage installed, List<Verdict> into) {
        if (packages == null) {
            return into;
        }
        List<AdvisoryRanges> advisories = packages.get(installed.name());
        if (advisories == null) {
            return into;
        }
        List<Verdict> verdicts = into;
        for (int i = 0; i < advisories.size(); i++) {
            Verdict verdict = advisories.get(i).verdict(installed);
            if (verdict != null) {
                if (verdicts.isEmpty()) {
                    verdicts = new ArrayList<>(4);
                }
                verdicts.add(verdict);
            }
        }
        return verdicts;
    }

    private static List<Verdict> merge(List<Verdict> exact, List<Verdict> releaseless) {
        List<Verdict> merged = new ArrayList<>(exact);
        Set<String> known = new HashSet<>();
        exact.forEach(v -> known.add(v.advisoryId()));
        releaseless.stream().filter(v -> known.add(v.advisoryId())).forEach(merged::add);
        return merged;
    }

    /** The ranges one advisory gives one package (several providers, several ranges). */
    private record AdvisoryRanges(List<CompiledRange> ranges) {

        /** The first affecting range's verdict, preferring one that names a fixed version. */
        Verdict verdict(InstalledPackage installed) {
            Verdict found = null;
            for (int i = 0; i < ranges.size(); i++) {
                Verdict verdict = ranges.get(i).verdict(installed);
                if (verdict != null) {
                    if (verdict.fixed() != null) {
                        return verdict;
                    }
                    if (found == null) {
                        found = verdict;
                    }
                }
            }
            return found;
        }
    }
}
