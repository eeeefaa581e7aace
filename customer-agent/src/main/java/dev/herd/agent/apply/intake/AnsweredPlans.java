package dev.herd.agent.apply.intake;

import dev.herd.agent.apply.ApplyMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Patch plans this agent has answered, one {@code PLAN_ID MODE} line each in {@code STATE_DIR/delivery/answered-plans}.
 * A plan answered for real is never applied again; one answered by a dry run is still applied when the mode becomes
 * {@code auto}.
 */
final class AnsweredPlans {

    private final Path file;

    AnsweredPlans(Path stateDir) {
        this.file = stateDir.resolve("delivery").resolve("answered-plans");
    }

    synchronized boolean answered(UUID planId, ApplyMode mode) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            return Files.readAllLines(file).stream()
                    .map(line -> line.split(" "))
                    .filter(parts -> parts.length == 2 && parts[0].equals(planId.toString()))
                    .anyMatch(parts -> parts[1].equals(ApplyMode.AUTO.text()) || parts[1].equals(mode.text()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    synchronized void add(UUID planId, ApplyMode mode) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file,
                    planId + " " + mode.text() + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
