package dev.herd.portal.diagnosis.match;

import dev.herd.portal.version.VersionOrders;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The affected ranges of a set of advisories, looked up by (ecosystem, package). Built once per diagnosis run and
 * then only read, so several threads may match against it.
 */
public final class AdvisoryIndex {

    private final Map<String, Map<String, List<CompiledRange>>> byEcosystem = new HashMap<>();
    private int size;

    public static AdvisoryIndex of(Collection<AffectedRange> ranges) {
        AdvisoryIndex index = new AdvisoryIndex();
        ranges.forEach(index::add);
        return index;
    }

    private void add(AffectedRange range) {
        String ecosystem = Ecosystems.normalise(range.ecosystem());
        CompiledRange compiled = new CompiledRange(range, VersionOrders.forRange(ecosystem, range.rangeType()));
        byEcosystem
                .computeIfAbsent(ecosystem, e -> new HashMap<>())
                .computeIfAbsent(range.packageName(), p -> new ArrayList<>())
                .add(compiled);
        size++;
    }

    /** How many ranges the index holds. */
    public int size() {
        return size;
    }

    /**
     * Every verdict for one installed package of a machine in {@code ecosystem}: ranges of that exact release, and
     * ranges of the distribution without a release (they apply to every release).
     */
    public List<Verdict> verdicts(String ecosystem, InstalledPackage installed) {
        List<Verdict> verdicts = List.of();
        verdicts = collect(byEcosystem.get(ecosystem), installed, verdicts);
        String family = Ecosystems.family(ecosystem);
        if (!family.equals(ecosystem)) {
            verdicts = collect(byEcosystem.get(family), installed, verdicts);
        }
        return verdicts;
    }

    private static List<Verdict> collect(
            Map<String, List<CompiledRange>> packages, InstalledPackage installed, List<Verdict> into) {
        if (packages == null) {
            return into;
        }
        List<CompiledRange> ranges = packages.get(installed.name());
        if (ranges == null) {
            return into;
        }
        List<Verdict> verdicts = into;
        for (CompiledRange range : ranges) {
            Verdict verdict = range.verdict(installed);
            if (verdict != null && !alreadyHas(verdicts, verdict)) {
                if (verdicts.isEmpty()) {
                    verdicts = new ArrayList<>(2);
                }
                verdicts.add(verdict);
            }
        }
        return verdicts;
    }

    /** Two ranges of one advisory (several providers, several ranges) still make one verdict per package. */
    private static boolean alreadyHas(List<Verdict> verdicts, Verdict verdict) {
        for (int i = 0; i < verdicts.size(); i++) {
            Verdict known = verdicts.get(i);
            if (known.advisoryId().equals(verdict.advisoryId())) {
                if (known.fixed() == null && verdict.fixed() != null) {
                    verdicts.set(i, verdict);
                }
                return true;
            }
        }
        return false;
    }
}
