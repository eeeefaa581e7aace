package dev.herd.gateway.isolation;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code nft -f -} (apply) or {@code nft -c -f -} (check only) with a script on standard input. */
public final class Nft {

    /** What nft answered: its exit status and its combined output. */
    public record Result(int exitCode, String output) {

        public boolean ok() {
            return exitCode == 0;
        }
    }

    private final List<String> command;

    public Nft(String binary) {
        this(List.of(binary));
    }

    /** @param command how to start nft, e.g. {@code [nft]} or {@code [nsenter, -t, PID, -n, nft]} */
    public Nft(List<String> command) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("the nft command is empty");
        }
        this.command = List.copyOf(command);
    }

    /** Validates the script in the kernel without changing anything (needs root or CAP_NET_ADMIN). */
    public Result check(String script) throws IOException {
        return run(script, with(command, "-c", "-f", "-"));
    }

    /** Applies the script as one atomic transaction. */
    public Result apply(String script) throws IOException {
        return run(script, with(command, "-f", "-"));
    }

    static List<String> with(List<String> command, String... args) {
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of(args));
        return full;
    }

    /** Runs the command with the script on standard input; at most 30 s. */
    static Result run(String script, List<String> command) throws IOException {
        String program = String.join(" ", command);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(script.getBytes(StandardCharsets.UTF_8));
        }
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, program + " did not finish within 30 s");
            }
            return new Result(process.exitValue(), output.strip());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while waiting for " + program, e);
        }
    }
}
