package dev.herd.agent.monitor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A long-running command whose output lines go, one by one, to a consumer on a reader thread of its own;
 * {@link #ensureRunning} starts it again when it ended, and says why it had ended.
 */
final class LineProcess implements AutoCloseable {

    private final List<String> command;
    private final String threadName;
    private final Consumer<String> lines;
    private Process process;
    private Thread reader;

    LineProcess(List<String> command, String threadName, Consumer<String> lines) {
        this.command = List.copyOf(command);
        this.threadName = threadName;
        this.lines = lines;
    }

    /** Starts the command unless it runs; the reason it had stopped (empty on the first start or when it runs). */
    synchronized Optional<String> ensureRunning() {
        if (process != null && process.isAlive()) {
            return Optional.empty();
        }
        Optional<String> ended = process == null
                ? Optional.empty()
                : Optional.of(String.join(" ", command) + " ended with exit " + process.exitValue());
        try {
            process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            process = null;
            return Optional.of("cannot start " + String.join(" ", command) + ": " + e.getMessage());
        }
        Process started = process;
        reader = Thread.ofPlatform().daemon().name(threadName).start(() -> read(started));
        return ended;
    }

    private void read(Process from) {
        try (BufferedReader output =
                new BufferedReader(new InputStreamReader(from.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null) {
                lines.accept(line);
            }
        } catch (IOException e) {
            // the command ended; ensureRunning starts it again and says so.
        }
    }

    @Override
    public synchronized void close() {
        if (process != null) {
            process.destroyForcibly();
        }
        if (reader != null) {
            reader.interrupt();
        }
    }
}
