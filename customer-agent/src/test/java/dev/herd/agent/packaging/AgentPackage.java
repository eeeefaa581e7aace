package dev.herd.agent.packaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herd.agent.process.CommandResult;
import dev.herd.agent.process.SystemProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The built {@code herd-agent_<version>_all.deb}, read with dpkg-deb; also runs the commands the package tests need. */
record AgentPackage(Path deb, String version) {

    static final SystemProcessRunner SHELL = new SystemProcessRunner(Duration.ofMinutes(2));

    /** The package this build made: the project version made Debian-safe as jdeb does (-SNAPSHOT is ~snapshot). */
    static AgentPackage built() {
        String projectVersion = System.getProperty("herd.project.version", "0.1.0-SNAPSHOT");
        String version = projectVersion.replace("-SNAPSHOT", "~snapshot");
        Path deb = Path.of(System.getProperty("herd.build.directory", "target"))
                .resolve("herd-agent_" + version + "_all.deb");
        assertTrue(Files.isRegularFile(deb), deb + " is missing: ./mvnw package -pl customer-agent builds it");
        return new AgentPackage(deb.toAbsolutePath(), version);
    }

    /** One control field ({@code dpkg-deb -f}). */
    String field(String name) {
        return run("dpkg-deb", "-f", deb.toString(), name).strip();
    }

    /** The data archive's entries ({@code dpkg-deb -c}): path without the leading dot, to mode and owner. */
    Map<String, String> entries() {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String line : run("dpkg-deb", "-c", deb.toString()).split("\n")) {
            String[] words = line.trim().split("\\s+");
            entries.put(words[5].substring(1), words[0] + " " + words[1]);
        }
        return entries;
    }

    /** The control archive extracted ({@code dpkg-deb -e}) into {@code dir}. */
    Path control(Path dir) {
        run("dpkg-deb", "-e", deb.toString(), dir.toString());
        return dir;
    }

    /** The data archive extracted ({@code dpkg-deb -x}) into {@code dir}. */
    Path data(Path dir) {
        run("dpkg-deb", "-x", deb.toString(), dir.toString());
        return dir;
    }

    /** Runs a command that must succeed; its stdout. */
    static String run(String... command) {
        CommandResult result = SHELL.run(List.of(command));
        assertTrue(result.succeeded(), result.commandLine() + " exited " + result.exitCode() + ": " + result.message());
        return result.stdout();
    }

    static CommandResult attempt(String... command) {
        return SHELL.run(List.of(command));
    }

    static boolean onPath(String program) {
        return attempt("sh", "-c", "command -v " + program).succeeded();
    }
}
