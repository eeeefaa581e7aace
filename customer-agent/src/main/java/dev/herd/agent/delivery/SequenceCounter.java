package dev.herd.agent.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The agent's report sequence, persisted in {@code STATE_DIR/sequence} (the last one handed out) across restarts. */
public class SequenceCounter {

    private final Path file;
    private long last;

    public SequenceCounter(Path stateDir) {
        this.file = stateDir.resolve("sequence");
        try {
            last = Files.isRegularFile(file)
                    ? Long.parseLong(
                            Files.readString(file, StandardCharsets.UTF_8).trim())
                    : 0;
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("Cannot read the report sequence in " + file + ": " + e.getMessage(), e);
        }
    }

    public long last() {
        return last;
    }

    /** The next sequence, persisted before it is returned so that no two reports ever share one. */
    public long next() {
        store(last + 1);
        return last;
    }

    /** Makes {@code last + 1} the next sequence (after the gateway said which one it expects). */
    public void restartAfter(long newLast) {
        store(newLast);
    }

    private void store(long value) {
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling("sequence.partial");
            Files.writeString(partial, value + "\n", StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            last = value;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the report sequence in " + file, e);
        }
    }
}
