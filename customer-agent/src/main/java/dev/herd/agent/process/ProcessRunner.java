package dev.herd.agent.process;

import java.util.List;
import java.util.Map;

/** Runs an external program from an argument list (never through a shell) and waits for it. */
public interface ProcessRunner {

    /** Runs {@code command} with {@code environment} added to the agent's own; a program that cannot start exits 127. */
    CommandResult run(List<String> command, Map<String, String> environment);

    default CommandResult run(List<String> command) {
        return run(command, Map.of());
    }
}
