package dev.herd.portal.diagnosis.match;

import java.util.HashMap;
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

    /** Hands every verdict of the machine to {@code sink}, as (machine key, verdict). */
    public <K> void match(Machine<K> machine, BiConsumer<K, Verdict> sink) {
        if (machine.ecosystem() == null) {
            return;
        }
        for (InstalledPackage installed : machine.packages()) {
            List<Verdict> verdicts = decided.computeIfAbsent(
                    new Tuple(machine.ecosystem(), installed), t -> index.verdicts(t.ecosystem(), t.installed()));
            for (int i = 0; i < verdicts.size(); i++) {
                sink.accept(machine.key(), verdicts.get(i));
            }
        }
    }

    /** How many distinct tuples were decided so far. */
    public int distinctTuples() {
        return decided.size();
    }

    private record Tuple(String ecosystem, InstalledPackage installed) {}
}
