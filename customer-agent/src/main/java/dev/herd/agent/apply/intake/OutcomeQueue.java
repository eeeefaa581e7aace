package dev.herd.agent.apply.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.herd.agent.apply.DeliveryJson;
import dev.herd.contracts.delivery.ApplyOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Outcomes waiting for the gateway, {@code STATE_DIR/outcomes/<nanos>-<outcome id>.json}, oldest first; written
 * whole before they are sent, so an outcome survives a gateway outage and an agent restart.
 */
final class OutcomeQueue {

    private static final AtomicLong LAST = new AtomicLong();

    private final Path dir;

    OutcomeQueue(Path stateDir) {
        this.dir = stateDir.resolve("outcomes");
    }

    Path dir() {
        return dir;
    }

    void put(ApplyOutcome outcome) {
        long stamp = LAST.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis() * 1_000_000));
        try {
            StateFiles.write(
                    dir.resolve(String.format("%020d-%s.json", stamp, outcome.outcomeId())),
                    DeliveryJson.MAPPER.writeValueAsBytes(outcome));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    synchronized List<Path> pending() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    void remove(Path entry) {
        try {
            Files.deleteIfExists(entry);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + entry, e);
        }
    }

    /** Moves an outcome the gateway refused for good to {@code outcomes/rejected/}. */
    void setAside(Path entry) {
        try {
            Files.createDirectories(dir.resolve("rejected"));
            Files.move(
                    entry, dir.resolve("rejected").resolve(entry.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set aside " + entry, e);
        }
    }
}
