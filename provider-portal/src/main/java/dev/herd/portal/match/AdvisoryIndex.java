package dev.herd.portal.match;

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
 * lookup yields at most one verdict per advisory without comparing verdicts. Built once and then either only read
 * (several threads may match against it) or changed one advisory at a time by {@link #put} and {@link #remove} under
 * the owner's write lock.
 */
public final class AdvisoryIndex {

    private final Map<String, Map<String, Map<String, AdvisoryRanges>>> byEcosystem = new HashMap<>();
    private final Map<String, Set<PackageKey>> packagesOf = new HashMap<>();
    private final CpeRanges cpe = new CpeRanges();

    private AdvisoryIndex(Collection<AffectedRange> ranges) {
        Map<String, List<AffectedRange>> byAdvisory = new LinkedHashMap<>();
        for (AffectedRange range : ranges) {
            byAdvisory
                    .computeIfAbsent(range.advisoryId(), a -> new ArrayList<>())
                    .add(range);
        }
        byAdvisory.forEach(this::put);
    }

    public static AdvisoryIndex of(Collection<AffectedRange> ranges) {
        return new AdvisoryIndex(ranges);
    }

    /** An empty index to fill with {@link #put}. */
    public static AdvisoryIndex empty() {
        return new AdvisoryIndex(List.of());
    }

    /** Replaces whatever the index held for this advisory with these ranges (all naming {@code advisoryId}). */
    public void put(String advisoryId, Collection<AffectedRange> ranges) {
        remove(advisoryId);
        Map<PackageKey, List<CompiledRange>> grouped = new LinkedHashMap<>();
        List<AffectedRange> byCpe = new ArrayList<>();
        for (AffectedRange range : ranges) {
            String ecosystem = Ecosystems.normalise(range.ecosystem());
            if (CpeProducts.isCpe(ecosystem)) {
                byCpe.add(range);
                continue;
            }
            grouped.computeIfAbsent(new PackageKey(ecosystem, range.packageName()), k -> new ArrayList<>())
                    .add(new CompiledRange(range, VersionOrders.forRange(ecosystem, range.rangeType())));
        }
        grouped.forEach((key, compiled) -> byEcosystem
                .computeIfAbsent(key.ecosystem(), e -> new HashMap<>())
                .computeIfAbsent(key.packageName(), p -> new LinkedHashMap<>())
                .put(advisoryId, new AdvisoryRanges(List.copyOf(compiled))));
        Set<PackageKey> keys = new HashSet<>(grouped.keySet());
        if (!byCpe.isEmpty()) {
            cpe.put(advisoryId, byCpe).forEach(product -> keys.add(new PackageKey(CpeProducts.ECOSYSTEM, product)));
        }
        if (!keys.isEmpty()) {
            packagesOf.put(advisoryId, keys);
        }
    }

    /** Forgets the advisory (withdrawn). */
    public void remove(String advisoryId) {
        Set<PackageKey> keys = packagesOf.remove(advisoryId);
        if (keys == null) {
            return;
        }
        for (PackageKey key : keys) {
            if (key.ecosystem().equals(CpeProducts.ECOSYSTEM)) {
                cpe.remove(advisoryId, key.packageName());
                continue;
            }
            Map<String, Map<String, AdvisoryRanges>> packages = byEcosystem.get(key.ecosystem());
            Map<String, AdvisoryRanges> advisories = packages.get(key.packageName());
            advisories.remove(advisoryId);
            if (advisories.isEmpty()) {
                packages.remove(key.packageName());
            }
        }
    }

    /** How many advisories the index holds. */
    public int advisories() {
        return packagesOf.size();
    }

    /**
     * Every verdict for one installed package of a machine in {@code ecosystem}, one per advisory: ranges of that
     * exact release, ranges of the distribution without a release (they apply to every release), and ranges that name
     * the package by CPE ({@link CpeRanges}).
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
        List<Verdict> byCpe = cpe.verdicts(ecosystem, installed);
        return byCpe.isEmpty() ? verdicts : merge(verdicts, byCpe);
    }

    private static List<Verdict> collect(
            Map<String, Map<String, AdvisoryRanges>> packages, InstalledPackage installed, List<Verdict> into) {
        if (packages == null) {
            return into;
        }
        Map<String, AdvisoryRanges> advisories = packages.get(installed.name());
        if (advisories == null) {
            return into;
        }
        List<Verdict> verdicts = into;
        for (AdvisoryRanges ranges : advisories.values()) {
            Verdict verdict = ranges.verdict(installed);
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

    private record PackageKey(String ecosystem, String packageName) {}

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
