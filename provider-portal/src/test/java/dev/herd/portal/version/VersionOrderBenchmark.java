package dev.herd.portal.version;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Times DpkgVersionOrder over a pairs file ("A B" per line, bench/diagnosis/version_pairs.py): warm-up, then the
 * best of several rounds. Prints comparisons/s and the same sign checksum as bench/diagnosis/apt_compare.py.
 */
public final class VersionOrderBenchmark {

    private VersionOrderBenchmark() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: VersionOrderBenchmark PAIRS_FILE [ROUNDS]");
            System.exit(2);
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<String> lines = Files.readAllLines(Path.of(args[0])).stream()
                .filter(l -> !l.isBlank())
                .toList();
        String[] left = new String[lines.size()];
        String[] right = new String[lines.size()];
        for (int k = 0; k < lines.size(); k++) {
            String[] f = lines.get(k).trim().split("\\s+");
            left[k] = f[0];
            right[k] = f[1];
        }
        VersionOrder order = new DpkgVersionOrder();
        int[] signs = new int[left.length];
        long sink = 0;
        // Warm-up: enough calls for the JIT to compile compare at its top tier.
        long warmUpEnd = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < warmUpEnd) {
            sink += pass(order, left, right, signs);
        }
        long best = Long.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            sink += pass(order, left, right, signs);
            best = Math.min(best, System.nanoTime() - start);
        }
        System.out.println("pairs " + left.length);
        System.out.printf("comparisons/s %.0f%n", left.length / (best / 1e9));
        System.out.println("checksum " + checksum(signs));
        if (sink == 42) {
            System.out.println(); // keeps the work observable to the JIT
        }
    }

    private static long pass(VersionOrder order, String[] left, String[] right, int[] signs) {
        long sum = 0;
        for (int k = 0; k < left.length; k++) {
            int sign = Integer.signum(order.compare(left[k], right[k]));
            signs[k] = sign;
            sum += sign;
        }
        return sum;
    }

    /** The same fold as apt_compare.py: c = (c * 31 + sign + 1) mod 1,000,000,007. */
    static long checksum(int[] signs) {
        long c = 0;
        for (int sign : signs) {
            c = (c * 31 + sign + 1) % 1_000_000_007L;
        }
        return c;
    }
}
