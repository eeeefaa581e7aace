package dev.herd.agent.process;

import java.util.List;

/** How one external command ended: its argument list, exit code and what it wrote. */
public record CommandResult(List<String> command, int exitCode, String stdout, String stderr) {

    public CommandResult {
        command = List.copyOf(command);
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** The command's own words for people: stderr when it said something there, else stdout, on one line. */
    public String message() {
        String text = stderr.isBlank() ? stdout : stderr;
        return text.strip().replaceAll("\\s*\\R\\s*", " | ");
    }

    /** The command as one line, for logs and outcome details (never run as a shell string). */
    public String commandLine() {
        return String.join(" ", command);
    }
}
