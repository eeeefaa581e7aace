package dev.herd.agent.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The on-disk store-and-forward queue: one file per report, {@code STATE_DIR/queue/<sequence>.json}, written to a
 * partial file, synced and renamed atomically, so a reader (or a restart) never sees half a report.
 */
public class ReportQueue {

    private static final Pattern ENTRY = Pattern.compile("(\\d+)\\.json");

    private final Path dir;

    public ReportQueue(Path stateDir) {
        this.dir = stateDir.resolve("queue");
    }

    public Path dir() {
        return dir;
    }

    public void put(long sequence, byte[] submission) {
        try {
            Files.createDirectories(dir);
            Path partial = dir.resolve(sequence + ".json.partial");
            try (FileChannel out = FileChannel.open(
                    partial,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                out.write(java.nio.ByteBuffer.wrap(submission));
                out.force(true);
            }
            Files.move(partial, file(sequence), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot queue report " + sequence + " in " + dir, e);
        }
    }

    /** The queued sequences, lowest first. */
    public List<Long> sequences() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> ENTRY.matcher(f.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(m -> Long.parseLong(m.group(1)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the report queue " + dir, e);
        }
    }

    public boolean isEmpty() {
        return sequences().isEmpty();
    }

    public boolean contains(long sequence) {
        return Files.isRegularFile(file(sequence));
    }

    public byte[] read(long sequence) {
        try {
            return Files.readAllBytes(file(sequence));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read queued report " + sequence, e);
        }
    }

    public void remove(long sequence) {
        try {
            Files.deleteIfExists(file(sequence));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove queued report " + sequence, e);
        }
    }

    /** Moves a report the gateway refused for good to {@code queue/rejected/}, out of the way of later ones. */
    public void setAside(long sequence) {
        try {
            Files.createDirectories(dir.resolve("rejected"));
            Files.move(
                    file(sequence),
                    dir.resolve("rejected").resolve(sequence + ".json"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot set aside queued report " + sequence, e);
        }
    }

    public void clear() {
        sequences().forEach(this::remove);
    }

    private Path file(long sequence) {
        return dir.resolve(sequence + ".json");
    }
}
