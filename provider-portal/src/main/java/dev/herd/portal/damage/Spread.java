package dev.herd.portal.damage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Damaged machines counted per spread window: those damaged in the window and all damaged so far. The damage is
 * spreading when the newest window brought machines that were not damaged before it (growth over the previous
 * window); the first window of a case is never spreading, there is nothing to grow from.
 */
public record Spread(List<Window> windows, boolean spreading) {

    /** One window: its start, the machines damaged in it, and the machines damaged up to its end. */
    public record Window(Instant start, int damaged, int total) {}

    public static Spread of(List<DamageEvent> events, long windowSeconds) {
        Map<Instant, Set<UUID>> byWindow = new TreeMap<>();
        for (DamageEvent event : events) {
            byWindow.computeIfAbsent(CommunicationProfile.windowStart(event.at(), windowSeconds), w -> new HashSet<>())
                    .add(event.machineId());
        }
        Set<UUID> seen = new HashSet<>();
        List<Window> windows = new ArrayList<>();
        byWindow.forEach((start, machines) -> {
            seen.addAll(machines);
            windows.add(new Window(start, machines.size(), seen.size()));
        });
        int n = windows.size();
        boolean spreading =
                n >= 2 && windows.get(n - 1).total() > windows.get(n - 2).total();
        return new Spread(windows, spreading);
    }
}
