package dev.herd.agent.monitor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The flows connection tracking sees, from a running {@code conntrack -E -e NEW -o timestamp}: a reader thread parses
 * each event into a {@link Flow} and keeps at most {@value #MAX_WAITING} waiting ones (the oldest go first when the
 * gateway is away longer than that), counting lines that are no flow and flows dropped. {@link #ensureRunning} starts
 * conntrack again when it ended, and says why it had ended.
 */
final class ConntrackFeed implements AutoCloseable {

    static final int MAX_WAITING = 10_000;

    private final List<String> command;
    private final Deque<Flow> waiting = new ArrayDeque<>();
    private Process process;
    private Thread reader;
    private long unreadable;
    private long dropped;

    /** @param conntrack how to start conntrack, e.g. {@code [conntrack]} or {@code [nsenter, -t, PID, -n, conntrack]} */
    ConntrackFeed(List<String> conntrack) {
        List<String> full = new ArrayList<>(conntrack);
        full.addAll(List.of("-E", "-e", "NEW", "-o", "timestamp"));
        this.command = List.copyOf(full);
    }

    /** Starts conntrack unless it runs; the reason it had stopped (empty on the first start or when it runs). */
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
        reader = Thread.ofPlatform().daemon().name("herd-conntrack").start(() -> read(started));
        return ended;
    }

    private void read(Process from) {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(from.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                add(line);
            }
        } catch (IOException e) {
            // conntrack ended; ensureRunning starts it again and says so.
        }
    }

    /** Takes one event line as conntrack wrote it. */
    synchronized void add(String line) {
        Optional<Flow> flow = ConntrackLine.parse(line);
        if (flow.isEmpty()) {
            unreadable++;
            return;
        }
        if (waiting.size() == MAX_WAITING) {
            waiting.removeFirst();
            dropped++;
        }
        waiting.addLast(flow.get());
    }

    /** Up to {@code max} waiting flows, oldest first, taken out. */
    synchronized List<Flow> take(int max) {
        List<Flow> taken = new ArrayList<>(Math.min(max, waiting.size()));
        while (taken.size() < max && !waiting.isEmpty()) {
            taken.add(waiting.removeFirst());
        }
        return taken;
    }

    /** Puts flows that could not be sent back in front, as far as there is room. */
    synchronized void putBack(List<Flow> flows) {
        for (int i = flows.size() - 1; i >= 0 && waiting.size() < MAX_WAITING; i--) {
            waiting.addFirst(flows.get(i));
        }
    }

    synchronized long unreadable() {
        return unreadable;
    }

    synchronized long dropped() {
        return dropped;
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
