package dev.herd.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;

/** Takes a heartbeat and writes it atomically to {@code STATE_DIR/heartbeat}, so readers never see half a line. */
public class HeartbeatRecorder {

    private final HealthCheck probe;
    private final Path stateDir;
    private final Clock clock;

    private final String note;

    public HeartbeatRecorder(HealthCheck probe, Path stateDir, Clock clock) {
        this(probe, stateDir, clock, null);
    }

    /** A recorder whose ok lines carry {@code note} (e.g. {@code not enrolled}). */
    public HeartbeatRecorder(HealthCheck probe, Path stateDir, Clock clock, String note) {
        this.probe = probe;
        this.stateDir = stateDir;
        this.clock = clock;
        this.note = note;
    }

    public Heartbeat beat() {
        Heartbeat beat = new Heartbeat(clock.instant(), probe.problem(), note);
        try {
            Files.createDirectories(stateDir);
            Path partial = stateDir.resolve("heartbeat.partial");
            Files.writeString(partial, beat.line() + "\n", StandardCharsets.UTF_8);
            Files.move(partial, stateDir.resolve("heartbeat"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the heartbeat to " + stateDir, e);
        }
        return beat;
    }
}
