package dev.herd.portal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs the real {@code nft}: dry-run checks, and application inside a throwaway network namespace. */
final class Nft {

    static final Path NFT = Path.of("/usr/sbin/nft");
    static final Path UNSHARE = Path.of("/usr/bin/unshare");

    private Nft() {}

    /** Skips the calling test when nft is not installed. */
    static void assumeNft() {
        Assumptions.assumeTrue(Files.isExecutable(NFT), "nft is not installed at " + NFT);
    }

    /** Skips the calling test when no network namespace can be made (not root, or no unshare). */
    static void assumeNamespace() {
        assumeNft();
        Assumptions.assumeTrue(Files.isExecutable(UNSHARE), "unshare is not installed at " + UNSHARE);
        Assumptions.assumeTrue(
                run(List.of(UNSHARE.toString(), "-n", "true")).exit == 0,
                "cannot create a network namespace (needs root)");
    }

    /** {@code nft -c -f} of {@code ruleset}: parsed and validated by the kernel, never committed. */
    static Result check(String ruleset) {
        Path file = write(ruleset);
        return run(List.of(NFT.toString(), "-c", "-f", file.toString()));
    }

    static void assertAccepted(String ruleset) {
        Result result = check(ruleset);
        assertEquals(0, result.exit, () -> "nft -c rejected the ruleset:\n" + result.output);
    }

    /**
     * Applies the files in order inside a new, empty network namespace and returns {@code nft list ruleset}; the
     * machine's own ruleset is never touched.
     */
    static Result applyInNamespace(String... rulesets) {
        StringBuilder script = new StringBuilder("set -e\n");
        for (String ruleset : rulesets) {
            script.append(NFT).append(" -f ").append(write(ruleset)).append('\n');
        }
        script.append(NFT).append(" list ruleset\n");
        return run(List.of(UNSHARE.toString(), "-n", "sh", "-c", script.toString()));
    }

    /**
     * The sets and chains of an {@code nft list ruleset} output by name, each as its whitespace-normalised text:
     * comparable regardless of the order in which they were created.
     */
    static Map<String, String> objects(String listing) {
        Map<String, String> objects = new LinkedHashMap<>();
        String name = null;
        StringBuilder body = new StringBuilder();
        for (String line : listing.split("\n")) {
            String trimmed = line.strip();
            if (name == null && (trimmed.startsWith("set ") || trimmed.startsWith("chain "))) {
                name = trimmed.substring(0, trimmed.indexOf(" {"));
                body.setLength(0);
            } else if (name != null && trimmed.equals("}")) {
                objects.put(name, body.toString().strip());
                name = null;
            } else if (name != null) {
                body.append(' ').append(trimmed);
            }
        }
        return objects;
    }

    private static Path write(String content) {
        try {
            Path file = Files.createTempFile("herd-rules-", ".nft");
            file.toFile().deleteOnExit();
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Result run(List<String> command) {
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command))
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Result(int exit, String output) {}
}
