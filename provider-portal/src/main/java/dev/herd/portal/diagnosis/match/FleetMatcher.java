package dev.herd.portal.diagnosis.match;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Matches machines against an {@link AdvisoryIndex}. Fleets share images, so each distinct (ecosystem, package,
 * version, architecture) is decided once and the verdicts are handed to every machine that has it.
 */
public final class FleetMatcher {

    private final AdvisoryIndex index;
    private final Map<Tuple, List<Verdict>> decided = new HashMap<>();

    public FleetMatcher(AdvisoryIndex index) {
        this.index = index;
    }

    /** A machine to diagnose: its key (any id the caller uses), ecosystem and installed packages. */
    public record Machine<K>(K key, String ecosystem, List<InstalledPackage> packages) {}

    /**
     * Hands every verdict of the machine to {@code sink}, as (machine key, verdict): one per (advisory, package). When
     * several binaries of one source package carry different source versions (a partial upgrade), the verdict names
     * the version of the first affected binary in the order the packages are given (by binary name, as stored).
     */
    public <K> void match(Machine<K> machine, BiConsumer<K, Verdict> sink) {
        if (machine.ecosystem() == null) {
            return;
        }
        Map<Finding, Verdict> first = new LinkedHashMap<>();
        for (InstalledPackage installed : machine.packages()) {
            List<Verdict> verdicts = decided.computeIfAbsent(
                    new Tuple(machine.ecosystem(), installed), t -> index.verdicts(t.ecosystem(), t.installed()));
            for (int i = 0; i < verdicts.size(); i++) {
                Verdict verdict = verdicts.get(i);
                first.putIfAbsent(new Finding(verdict.advisoryId(), verdict.packageName()), verdict);
            }
        }
        first.values().forEach(verdict -> sink.accept(machine.key(), verdict));
    }

    /** How many distinct tuples were decided so far. */
    public int distinctTuples() {
        return decided.size();
    }

    private record Tuple(String ecosystem, InstalledPackage installed) {}

    private record Finding(String advisoryId, String packageName) {}
}
