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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Full and incremental diagnosis on a scaled Debian 12 sample: the shared fleet copied to MACHINES machines (5% of
 * each copy's packages moved to another real version of that package seen in the fleet) against the shared
 * advisories derived to at least RANGES ranges (each record again with other real fixed versions of its package).
 * Prints the time of each run and its ratio to the baseline of this run: matching every machine's every package
 * without sharing decisions between machines. Usage: DiagnosisBenchmark OSV_FILE FLEET_FILE [MACHINES] [RANGES].
 */
public final class DiagnosisBenchmark {

    private static final String ECOSYSTEM = "Debian:12";

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: DiagnosisBenchmark OSV_FILE FLEET_FILE [MACHINES] [RANGES]");
            System.exit(2);
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode osv = json.readTree(new File(args[0]));
        JsonNode fleet = json.readTree(new File(args[1]));
        int machineCount = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int rangeTarget = args.length > 3 ? Integer.parseInt(args[3]) : 50_000;

        Map<String, List<String>> sourceVersions = sourceVersions(fleet);
        List<AffectedRange> ranges = ranges(osv, sourceVersions, rangeTarget);
        List<FleetMatcher.Machine<Integer>> machines = machines(fleet, machineCount);
        long packages = machines.stream().mapToLong(m -> m.packages().size()).sum();
        System.out.printf(
                "scaled sample: %,d machines, %,d installed packages, %,d advisory ranges%n",
                machines.size(), packages, ranges.size());

        System.out.printf("%n%-58s %10s %12s %8s%n", "run", "seconds", "findings", "ratio");
        double baseline = best(1, () -> naive(ranges, machines), "naive: every package of every machine (baseline)", 0);
        best(3, () -> full(ranges, machines), "full diagnosis: distinct tuples, fanned out to machines", baseline);
        incremental(ranges, machines, baseline);
    }

    /** Runs a measurement {@code rounds} times, prints the best, returns its seconds. */
    private static double best(int rounds, Measured run, String label, double baseline) {
        double bestSeconds = Double.MAX_VALUE;
        long findings = 0;
        for (int i = 0; i < rounds; i++) {
            long started = System.nanoTime();
            findings = run.findings();
            bestSeconds = Math.min(bestSeconds, (System.nanoTime() - started) / 1e9);
        }
        System.out.printf(
                "%-58s %10.3f %,12d %7.2fx%n",
                label, bestSeconds, findings, baseline == 0 ? 1.0 : baseline / bestSeconds);
        return bestSeconds;
    }

    /** Baseline: the index, then each machine's packages looked up one by one, nothing shared. */
    private static long naive(List<AffectedRange> ranges, List<FleetMatcher.Machine<Integer>> machines) {
        AdvisoryIndex index = AdvisoryIndex.of(ranges);
        long findings = 0;
        for (FleetMatcher.Machine<Integer> machine : machines) {
            for (InstalledPackage installed : machine.packages()) {
                findings += index.verdicts(ECOSYSTEM, installed).size();
            }
        }
        return findings;
    }

    /** What the portal runs for a full diagnosis: the index, then the fleet matcher with its per-tuple decisions. */
    private static long full(List<AffectedRange> ranges, List<FleetMatcher.Machine<Integer>> machines) {
        FleetMatcher matcher = new FleetMatcher(AdvisoryIndex.of(ranges));
        long[] perMachine = new long[machines.size()];
        for (FleetMatcher.Machine<Integer> machine : machines) {
            matcher.match(machine, (key, verdict) -> perMachine[key]++);
        }
        long findings = 0;
        for (long n : perMachine) {
            findings += n;
        }
        return findings;
    }

    /** One new advisory: its index, the machines having its package, their verdicts. */
    private static void incremental(
            List<AffectedRange> ranges, List<FleetMatcher.Machine<Integer>> machines, double baseline) {
        Map<String, List<FleetMatcher.Machine<Integer>>> byPackage = new HashMap<>();
        for (FleetMatcher.Machine<Integer> machine : machines) {
            Set<String> names = new LinkedHashSet<>();
            machine.packages().forEach(p -> names.add(p.name()));
            names.forEach(
                    n -> byPackage.computeIfAbsent(n, k -> new ArrayList<>()).add(machine));
        }
        AffectedRange newest = new AffectedRange(
                "BENCH-NEW-1",
                ECOSYSTEM,
                "openssl",
                "ECOSYSTEM",
                List.of(
                        new RangeEvent(RangeEvent.Kind.INTRODUCED, "0"),
                        new RangeEvent(RangeEvent.Kind.FIXED, "3.0.99-1~deb12u1")),
                Set.of(),
                Set.of(),
                "BENCH-NEW-1");
        best(
                5,
                () -> {
                    FleetMatcher matcher = new FleetMatcher(AdvisoryIndex.of(List.of(newest)));
                    long[] findings = {0};
                    // As the portal does: only the machines having the package, only that package of each.
                    for (FleetMatcher.Machine<Integer> machine :
                            byPackage.getOrDefault(newest.packageName(), List.of())) {
                        List<InstalledPackage> relevant = machine.packages().stream()
                                .filter(p -> p.name().equals(newest.packageName()))
                                .toList();
                        matcher.match(
                                new FleetMatcher.Machine<>(machine.key(), machine.ecosystem(), relevant),
                                (key, verdict) -> findings[0]++);
                    }
                    return findings[0];
                },
                "incremental: one new advisory (openssl) on every machine",
                baseline);
    }

    private static Map<String, List<String>> sourceVersions(JsonNode fleet) {
        Map<String, Set<String>> versions = new HashMap<>();
        for (JsonNode machine : fleet) {
            for (JsonNode p : machine.get("packages")) {
                versions.computeIfAbsent(p.path("source").asText(p.get("name").asText()), k -> new LinkedHashSet<>())
                        .add(p.path("sourceVersion").asText(p.get("version").asText()));
            }
        }
        Map<String, List<String>> lists = new HashMap<>();
        versions.forEach((k, v) -> lists.put(k, List.copyOf(v)));
        return lists;
    }

    private static List<AffectedRange> ranges(JsonNode osv, Map<String, List<String>> sourceVersions, int target) {
        List<AffectedRange> ranges = new ArrayList<>();
        List<JsonNode> records = new ArrayList<>();
        osv.forEach(records::add);
        Random random = new Random(20261121L);
        for (int copy = 0; ranges.size() < target; copy++) {
            for (JsonNode record : records) {
                for (JsonNode affected : record.get("affected")) {
                    String name = affected.get("package").get("name").asText();
                    String fixed = affected.get("ranges")
                            .get(0)
                            .get("events")
                            .get(1)
                            .get("fixed")
                            .asText();
                    if (copy > 0) {
                        List<String> known = sourceVersions.getOrDefault(name, List.of(fixed));
                        fixed = known.get(random.nextInt(known.size()));
                    }
                    String id = (copy == 0 ? "" : "BENCH-" + copy + "-")
                            + record.get("id").asText();
                    ranges.add(new AffectedRange(
                            id,
                            ECOSYSTEM,
                            name,
                            "ECOSYSTEM",
                            List.of(
                                    new RangeEvent(RangeEvent.Kind.INTRODUCED, "0"),
                                    new RangeEvent(RangeEvent.Kind.FIXED, fixed)),
                            Set.of(),
                            Set.of(),
                            id));
                }
            }
        }
        return ranges;
    }

    private static List<FleetMatcher.Machine<Integer>> machines(JsonNode fleet, int count) {
        List<List<InstalledPackage>> images = new ArrayList<>();
        Map<String, List<InstalledPackage>> alternatives = new HashMap<>();
        Map<InstalledPackage, InstalledPackage> shared = new HashMap<>();
        for (JsonNode machine : fleet) {
            List<InstalledPackage> image = new ArrayList<>();
            for (JsonNode p : machine.get("packages")) {
                InstalledPackage installed = shared.computeIfAbsent(
                        new InstalledPackage(
                                p.path("source").asText(p.get("name").asText()),
                                p.path("sourceVersion").asText(p.get("version").asText()),
                                p.get("arch").asText()),
                        k -> k);
                image.add(installed);
                List<InstalledPackage> options = alternatives.computeIfAbsent(installed.name(), k -> new ArrayList<>());
                if (!options.contains(installed)) {
                    options.add(installed);
                }
            }
            images.add(image);
        }
        Random random = new Random(713L);
        List<FleetMatcher.Machine<Integer>> machines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            List<InstalledPackage> packages = new ArrayList<>(images.get(i % images.size()));
            for (int p = 0; p < packages.size(); p++) {
                if (random.nextInt(20) == 0) {
                    List<InstalledPackage> options =
                            alternatives.get(packages.get(p).name());
                    packages.set(p, options.get(random.nextInt(options.size())));
                }
            }
            machines.add(new FleetMatcher.Machine<>(i, ECOSYSTEM, packages));
        }
        return machines;
    }

    @FunctionalInterface
    private interface Measured {
        long findings();
    }
}
