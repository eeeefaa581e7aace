package dev.herd.agent.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Starts the unit's ExecStart as systemd would without systemd: a bare environment plus agent.conf's settings. */
final class ServiceStart {

    static final Path EXEC_START = Path.of("/usr/lib/herd-agent/herd-agent-service");

    private ServiceStart() {}

    /** The service process, its output in {@code log}; its environment is what {@code conf} sets (EnvironmentFile). */
    static Process start(Path conf, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(EXEC_START.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        environment.put("STATE_DIRECTORY", "/var/lib/herd-agent");
        for (String line : Files.readAllLines(conf)) {
            int equals = line.indexOf('=');
            if (!line.isBlank() && !line.startsWith("#") && equals > 0) {
                environment.put(
                        line.substring(0, equals).strip(),
                        line.substring(equals + 1).strip());
            }
        }
        return builder.start();
    }
}
