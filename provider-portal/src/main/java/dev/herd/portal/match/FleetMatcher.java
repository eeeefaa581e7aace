package dev.herd.portal.match;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Matches machines against an {@link AdvisoryIndex}. Fleets share images, so each distinct (ecosystem, package,
 * version, architecture) is decided once and the verdicts are handed to every machine that has it. Several threads
 * may match at once as long as the index does not change meanwhile.
 */
public final class FleetMatcher {

    private final AdvisoryIndex index;
    private final Map<Tuple, List<Verdict>> decided = new ConcurrentHashMap<>();

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
        Map<String, List<InstalledPackage>> byName = new LinkedHashMap<>();
        for (InstalledPackage installed : machine.packages()) {
            List<InstalledPackage> same = byName.computeIfAbsent(installed.name(), n -> new ArrayList<>(1));
            if (!same.contains(installed)) {
                same.add(installed);
            }
        }
        for (List<InstalledPackage> same : byName.values()) {
            if (same.size() == 1) {
                List<Verdict> verdicts = decide(machine.ecosystem(), same.get(0));
                for (int i = 0; i < verdicts.size(); i++) {
                    sink.accept(machine.key(), verdicts.get(i));
                }
                continue;
            }
            Set<String> advisories = new HashSet<>();
            for (InstalledPackage installed : same) {
                for (Verdict verdict : decide(machine.ecosystem(), installed)) {
                    if (advisories.add(verdict.advisoryId())) {
                        sink.accept(machine.key(), verdict);
                    }
                }
            }
        }
    }

    private List<Verdict> decide(String ecosystem, InstalledPackage installed) {
        return decided.computeIfAbsent(
                new Tuple(ecosystem, installed), t -> index.verdicts(t.ecosystem(), t.installed()));
    }

    private record Tuple(String ecosystem, InstalledPackage installed) {}
}
