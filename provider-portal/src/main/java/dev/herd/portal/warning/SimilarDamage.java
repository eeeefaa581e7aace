package dev.herd.portal.warning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** Finds anomalies in damage hits: the same indicator on the same service at two or more tenants within a window. */
final class SimilarDamage {

    private SimilarDamage() {}

    static List<Anomaly> among(List<DamageHit> hits, Duration window) {
        Map<List<Object>, List<DamageHit>> byIndicator = new LinkedHashMap<>();
        for (DamageHit hit : hits) {
            byIndicator.computeIfAbsent(key(hit), k -> new ArrayList<>()).add(hit);
        }
        List<Anomaly> anomalies = new ArrayList<>();
        for (List<DamageHit> same : byIndicator.values()) {
            same.sort(Comparator.comparing(DamageHit::at));
            Set<String> tenants = new HashSet<>();
            Set<UUID> machines = new HashSet<>();
            for (int i = 0; i < same.size(); i++) {
                DamageHit first = same.get(i);
                Set<String> inWindow = new HashSet<>();
                Set<UUID> hitMachines = new HashSet<>();
                for (int j = i;
                        j < same.size() && !same.get(j).at().isAfter(first.at().plus(window));
                        j++) {
                    inWindow.add(same.get(j).tenantId());
                    hitMachines.add(same.get(j).machineId());
                }
                if (inWindow.size() >= 2) {
                    tenants.addAll(inWindow);
                    machines.addAll(hitMachines);
                }
            }
            if (!tenants.isEmpty()) {
                DamageHit any = same.getFirst();
                anomalies.add(new Anomaly(any.indicator(), any.protocol(), any.port(), tenants, machines));
            }
        }
        return anomalies;
    }

    private static List<Object> key(DamageHit hit) {
        return Arrays.asList(hit.indicator(), Objects.requireNonNullElse(hit.protocol(), ""), hit.port());
    }
}
