package dev.herd.portal.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DpkgVersionOrder against the real {@code dpkg --compare-versions} on thousands of pairs of real Debian versions:
 * this machine's apt lists and installed packages, or the vendored list when there are none.
 */
class DpkgAgainstDpkgTest {

    private static final int PAIRS = 3600;
    private static final Path LISTS = Path.of("/var/lib/apt/lists");
    private static final Path APT_HELPER = Path.of("/usr/lib/apt/apt-helper");

    @TempDir
    Path dir;

    @Test
    void agreesWithDpkgOnRealVersionPairs() throws Exception {
        assumeTrue(onPath("dpkg"), "dpkg is not installed");
        Map<String, TreeSet<String>> versions = realVersions();
        List<String[]> pairs = pairs(versions, PAIRS, new Random(12));
        Path file = dir.resolve("pairs.txt");
        List<String> lines = new ArrayList<>();
        for (String[] pair : pairs) {
            lines.add(pair[0] + " " + pair[1]);
        }
        Files.write(file, lines);

        List<String> verdicts = dpkgVerdicts(file);
        assertEquals(pairs.size(), verdicts.size(), "dpkg answered a different number of pairs");
        DpkgVersionOrder order = new DpkgVersionOrder();
        List<String> mismatches = new ArrayList<>();
        for (int k = 0; k < pairs.size(); k++) {
            int sign = Integer.signum(order.compare(pairs.get(k)[0], pairs.get(k)[1]));
            String ours = sign < 0 ? "<" : sign == 0 ? "=" : ">";
            if (!ours.equals(verdicts.get(k))) {
                mismatches.add(pairs.get(k)[0] + " dpkg " + verdicts.get(k) + " ours " + ours + " " + pairs.get(k)[1]);
            }
        }
        assertTrue(
                mismatches.isEmpty(),
                mismatches.size() + " of " + pairs.size() + " pairs disagree with dpkg; first ones:\n"
                        + String.join("\n", mismatches.subList(0, Math.min(20, mismatches.size()))));
        assertTrue(pairs.size() >= 3000);
    }

    /** One bash process runs dpkg over all pairs; forking a JVM process per pair would take minutes. */
    private static List<String> dpkgVerdicts(Path pairs) throws IOException, InterruptedException {
        String loop = "while read a b; do if dpkg --compare-versions \"$a\" lt \"$b\"; then echo \"<\";"
                + " elif dpkg --compare-versions \"$a\" eq \"$b\"; then echo \"=\"; else echo \">\"; fi; done";
        Process bash = new ProcessBuilder("bash", "-c", loop)
                .redirectInput(pairs.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<String> verdicts = readLines(bash.getInputStream());
        assertEquals(0, bash.waitFor(), "the dpkg loop failed");
        return verdicts;
    }

    /** Package name to its versions, from the apt lists and dpkg-query; the vendored list when those are missing. */
    private static Map<String, TreeSet<String>> realVersions() throws IOException, InterruptedException {
        Map<String, TreeSet<String>> versions = new TreeMap<>();
        List<String> lists = new ArrayList<>();
        if (Files.isDirectory(LISTS) && Files.isExecutable(APT_HELPER)) {
            try (Stream<Path> files = Files.list(LISTS)) {
                files.filter(p -> p.getFileName().toString().contains("_Packages"))
                        .sorted()
                        .forEach(p -> lists.add(p.toString()));
            }
        }
        if (!lists.isEmpty()) {
            List<String> command = new ArrayList<>(List.of(APT_HELPER.toString(), "cat-file"));
            command.addAll(lists);
            String packageName = null;
            for (String line : run(command)) {
                if (line.startsWith("Package: ")) {
                    packageName = line.substring(9).trim();
                } else if (line.startsWith("Version: ") && packageName != null) {
                    add(versions, packageName, line.substring(9).trim());
                }
            }
            for (String line : run(List.of("dpkg-query", "-W", "-f", "${Package} ${Version}\\n"))) {
                String[] f = line.split(" ");
                if (f.length == 2) {
                    add(versions, f[0], f[1]);
                }
            }
        }
        if (versions.size() < 1000) {
            versions.clear();
            try (InputStream in = DpkgAgainstDpkgTest.class.getResourceAsStream("/versions/debian-versions.txt")) {
                for (String line : readLines(in)) {
                    String[] f = line.split(" ");
                    if (!line.startsWith("#") && f.length == 2) {
                        add(versions, f[0], f[1]);
                    }
                }
            }
        }
        return versions;
    }

    /**
     * A fixed mix: versions of one package against each other, neighbours in text order (shared prefixes, so the
     * comparison is decided late: epochs, {@code ~}, {@code +deb12uN}, {@code +bN}), versions with those features
     * against near ones, identical versions, and random pairs.
     */
    static List<String[]> pairs(Map<String, TreeSet<String>> versions, int count, Random random) {
        List<List<String>> families = new ArrayList<>();
        TreeSet<String> all = new TreeSet<>();
        for (TreeSet<String> family : versions.values()) {
            all.addAll(family);
            if (family.size() > 1) {
                families.add(new ArrayList<>(family));
            }
        }
        List<String> distinct = new ArrayList<>(all);
        List<Integer> special = new ArrayList<>();
        for (int k = 0; k < distinct.size(); k++) {
            String v = distinct.get(k);
            if (v.contains(":") || v.contains("~") || v.contains("+deb") || v.contains("+b")) {
                special.add(k);
            }
        }
        List<String[]> pairs = new ArrayList<>();
        while (pairs.size() < count) {
            String a;
            String b;
            switch (pairs.size() % 6) {
                case 0, 1 -> {
                    List<String> family = families.get(random.nextInt(families.size()));
                    a = family.get(random.nextInt(family.size()));
                    b = family.get(random.nextInt(family.size()));
                }
                case 2 -> {
                    int at = random.nextInt(distinct.size() - 1);
                    a = distinct.get(at);
                    b = distinct.get(at + 1);
                }
                case 3 -> {
                    int at = special.get(random.nextInt(special.size()));
                    a = distinct.get(at);
                    b = distinct.get(Math.clamp(at + random.nextInt(7) - 3, 0, distinct.size() - 1));
                }
                case 4 -> {
                    a = distinct.get(random.nextInt(distinct.size()));
                    b = random.nextInt(5) == 0 ? a : distinct.get(random.nextInt(distinct.size()));
                }
                default -> {
                    a = distinct.get(random.nextInt(distinct.size()));
                    b = distinct.get(random.nextInt(distinct.size()));
                }
            }
            pairs.add(random.nextBoolean() ? new String[] {a, b} : new String[] {b, a});
        }
        return pairs;
    }

    private static void add(Map<String, TreeSet<String>> versions, String packageName, String version) {
        versions.computeIfAbsent(packageName, p -> new TreeSet<>()).add(version);
    }

    private static List<String> run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<String> lines = readLines(process.getInputStream());
        process.waitFor();
        return lines;
    }

    private static List<String> readLines(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
