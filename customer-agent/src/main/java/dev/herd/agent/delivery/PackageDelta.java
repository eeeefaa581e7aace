package dev.herd.agent.delivery;

import dev.herd.agent.inventory.InstalledPackage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Package changes between two reports, keyed by name and architecture: added, changed (new version) and removed. */
public record PackageDelta(
        List<InstalledPackage> added, List<InstalledPackage> changed, List<InstalledPackage> removed) {

    private static final Comparator<InstalledPackage> ORDER =
            Comparator.comparing(InstalledPackage::name).thenComparing(p -> Objects.toString(p.architecture(), ""));

    public boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }

    /** What changed from {@code before} to {@code after}; {@code changed} and {@code added} carry the new state. */
    public static PackageDelta between(List<InstalledPackage> before, List<InstalledPackage> after) {
        Map<String, InstalledPackage> old = index(before);
        Map<String, InstalledPackage> now = index(after);
        List<InstalledPackage> added = new ArrayList<>();
        List<InstalledPackage> changed = new ArrayList<>();
        List<InstalledPackage> removed = new ArrayList<>();
        now.forEach((key, p) -> {
            InstalledPackage was = old.get(key);
            if (was == null) {
                added.add(p);
            } else if (!Objects.equals(was.version(), p.version())
                    || !Objects.equals(was.sourceName(), p.sourceName())
                    || !Objects.equals(was.sourceVersion(), p.sourceVersion())) {
                changed.add(p);
            }
        });
        old.forEach((key, p) -> {
            if (!now.containsKey(key)) {
                removed.add(p);
            }
        });
        added.sort(ORDER);
        changed.sort(ORDER);
        removed.sort(ORDER);
        return new PackageDelta(List.copyOf(added), List.copyOf(changed), List.copyOf(removed));
    }

    private static Map<String, InstalledPackage> index(List<InstalledPackage> packages) {
        Map<String, InstalledPackage> byKey = new LinkedHashMap<>();
        for (InstalledPackage p : packages == null ? List.<InstalledPackage>of() : packages) {
            byKey.put(p.name() + "\u0000" + Objects.toString(p.architecture(), ""), p);
        }
        return byKey;
    }
}
