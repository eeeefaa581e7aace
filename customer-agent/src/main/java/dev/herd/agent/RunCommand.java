package dev.herd.agent;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code run}: the agent daemon. Until enrolment and reporting land it only heartbeats: every interval it checks that
 * its gateway answers and records the outcome in {@code STATE_DIR/heartbeat}, which {@code ./herd status} reads.
 */
@Command(name = "run", description = "Run the agent: heartbeat to the gateway until stopped.")
public class RunCommand implements Callable<Integer> {

    @Option(names = "--gateway", required = true, description = "Base URL of the tenant gateway.")
    URI gateway;

    @Option(names = "--state-dir", required = true, description = "Folder for the agent's state files.")
    Path stateDir;

    @Option(
            names = "--interval",
            defaultValue = "10",
            description = "Seconds between heartbeats (default: ${DEFAULT-VALUE}).")
    long intervalSeconds;

    @Override
    public Integer call() throws Exception {
        if (intervalSeconds < 1) {
            System.err.println("--interval must be at least 1 second");
            return 2;
        }
        HeartbeatRecorder recorder = new HeartbeatRecorder(new GatewayProbe(gateway), stateDir, Clock.systemUTC());
        Duration interval = Duration.ofSeconds(intervalSeconds);
        while (!Thread.currentThread().isInterrupted()) {
            Heartbeat beat = recorder.beat();
            System.out.println(beat.line());
            Thread.sleep(interval);
        }
        return 0;
    }
}
