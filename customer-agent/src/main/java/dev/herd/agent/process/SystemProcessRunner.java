package dev.herd.agent.process;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Runs programs with {@link ProcessBuilder}; stdin is empty, and a program running past the timeout is killed. */
public class SystemProcessRunner implements ProcessRunner {

    private static final File NULL = new File("/dev/null");
    // Own threads for the two pipes: the common pool may have a single thread on a small machine, and a program
    // blocked on a full stderr pipe while stdout is drained would hang until the timeout.
    private static final Executor PIPES = Executors.newVirtualThreadPerTaskExecutor();

    private final Duration timeout;

    public SystemProcessRunner(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public CommandResult run(List<String> command, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(NULL));
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new CommandResult(command, 127, "", "cannot run " + command.getFirst() + ": " + e.getMessage());
        }
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                return new CommandResult(
                        command, 124, out.join(), "timed out after " + timeout.toSeconds() + " s: " + err.join());
            }
            return new CommandResult(command, process.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return new CommandResult(command, 130, out.getNow(""), "interrupted");
        }
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try (stream) {
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        stream.transferTo(bytes);
                        return bytes.toString(StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                PIPES);
    }
}
