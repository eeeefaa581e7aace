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

    private final GatewayProbe probe;
    private final Path stateDir;
    private final Clock clock;

    public HeartbeatRecorder(GatewayProbe probe, Path stateDir, Clock clock) {
        this.probe = probe;
        this.stateDir = stateDir;
        this.clock = clock;
    }

    public Heartbeat beat() {
        Heartbeat beat = new Heartbeat(clock.instant(), probe.problem());
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
