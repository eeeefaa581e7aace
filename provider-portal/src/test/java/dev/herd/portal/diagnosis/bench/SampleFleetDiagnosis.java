package dev.herd.portal.diagnosis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.portal.match.AdvisoryIndex;
import dev.herd.portal.match.AffectedRange;
import dev.herd.portal.match.FleetMatcher;
import dev.herd.portal.match.InstalledPackage;
import dev.herd.portal.match.RangeEvent;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The in-memory baseline of {@code ./herd bench platform}: the portal's matching engine on exactly the fleet the
 * platform bench sends (MACHINES machines, machine i has sample image i mod 40, unchanged) against the Debian 12
 * sample advisories. Prints one line, {@code in-memory: MACHINES machines, FINDINGS findings, SECONDS s}, the best of
 * five runs. Usage: SampleFleetDiagnosis OSV_FILE FLEET_FILE MACHINES.
 */
public final class SampleFleetDiagnosis {

    private static final String ECOSYSTEM = "Debian:12";

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: SampleFleetDiagnosis OSV_FILE FLEET_FILE MACHINES");
            System.exit(2);
        }
        ObjectMapper json = new ObjectMapper();
        List<AffectedRange> ranges = ranges(json.readTree(new File(args[0])));
        List<List<InstalledPackage>> images = images(json.readTree(new File(args[1])));
        int count = Integer.parseInt(args[2]);
        List<FleetMatcher.Machine<Integer>> machines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            machines.add(new FleetMatcher.Machine<>(i, ECOSYSTEM, images.get(i % images.size())));
        }
        double best = Double.MAX_VALUE;
        long findings = 0;
        for (int round = 0; round < 5; round++) {
            long started = System.nanoTime();
            FleetMatcher matcher = new FleetMatcher(AdvisoryIndex.of(ranges));
            long[] found = {0};
            for (FleetMatcher.Machine<Integer> machine : machines) {
                matcher.match(machine, (key, verdict) -> found[0]++);
            }
            best = Math.min(best, (System.nanoTime() - started) / 1e9);
            findings = found[0];
        }
        System.out.printf("in-memory: %d machines, %d findings, %.3f s%n", count, findings, best);
    }

    /** Every affected package of every record, with its ranges as published. */
    private static List<AffectedRange> ranges(JsonNode osv) {
        List<AffectedRange> ranges = new ArrayList<>();
        for (JsonNode record : osv) {
            String id = record.get("id").asText();
            for (JsonNode affected : record.path("affected")) {
                for (JsonNode range : affected.path("ranges")) {
                    List<RangeEvent> events = new ArrayList<>();
                    for (JsonNode event : range.path("events")) {
                        events.add(RangeEvent.of(
                                event.path("introduced").textValue(),
                                event.path("fixed").textValue(),
                                event.path("last_affected").textValue(),
                                event.path("limit").textValue()));
                    }
                    ranges.add(new AffectedRange(
                            id,
                            affected.get("package").get("ecosystem").asText(),
                            affected.get("package").get("name").asText(),
                            range.path("type").asText("ECOSYSTEM"),
                            events,
                            Set.of(),
                            Set.of(),
                            id));
                }
            }
        }
        return ranges;
    }

    /** Each sample machine's packages by source name and version, as the portal stores them. */
    private static List<List<InstalledPackage>> images(JsonNode fleet) {
        Map<InstalledPackage, InstalledPackage> shared = new HashMap<>();
        List<List<InstalledPackage>> images = new ArrayList<>();
        for (JsonNode machine : fleet) {
            List<InstalledPackage> image = new ArrayList<>();
            for (JsonNode p : machine.get("packages")) {
                InstalledPackage installed = new InstalledPackage(
                        p.path("source").asText(p.get("name").asText()),
                        p.path("sourceVersion").asText(p.get("version").asText()),
                        p.get("arch").asText());
                image.add(shared.computeIfAbsent(installed, k -> k));
            }
            images.add(List.copyOf(image));
        }
        return images;
    }
}
