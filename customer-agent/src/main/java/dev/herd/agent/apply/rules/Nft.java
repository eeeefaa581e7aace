package dev.herd.agent.apply.rules;

import dev.herd.agent.process.CommandResult;
import dev.herd.agent.process.ProcessRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code nft} program, for the table {@code inet herd} only. {@code command} is how to start it: {@code [nft]} on
 * a machine, or a prefix such as {@code [nsenter, -t, PID, -n, nft]} that runs it in a throwaway network namespace.
 * Scripts go through a temporary file (mode 600) that is removed afterwards.
 */
public class Nft {

    static final String TABLE = "inet herd";

    private final ProcessRunner runner;
    private final List<String> command;

    public Nft(ProcessRunner runner, List<String> command) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("the nft command is empty");
        }
        this.runner = runner;
        this.command = List.copyOf(command);
    }

    /** {@code nft -c -f}: would nft accept the script? Nothing changes. */
    public CommandResult check(String script) {
        return withScript(script, file -> run("-c", "-f", file.toString()));
    }

    /** {@code nft -f}: applies the script as one transaction (all of it or nothing). */
    public CommandResult apply(String script) {
        return withScript(script, file -> run("-f", file.toString()));
    }

    /** {@code nft list table inet herd}, or empty when there is no such table. */
    public Optional<String> listHerdTable() {
        CommandResult listed = listHerdTableResult();
        return listed.succeeded() ? Optional.of(listed.stdout()) : Optional.empty();
    }

    public CommandResult listHerdTableResult() {
        return run("list", "table", "inet", "herd");
    }

    private CommandResult run(String... args) {
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of(args));
        return runner.run(full);
    }

    private static CommandResult withScript(String script, java.util.function.Function<Path, CommandResult> action) {
        Path file;
        try {
            file = Files.createTempFile(
                    "herd-rules-",
                    ".nft",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, script.endsWith("\n") ? script : script + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the ruleset to a temporary file", e);
        }
        try {
            return action.apply(file);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // A leftover temporary file is harmless.
            }
        }
    }
}
