package dev.herd.agent.apply.rules;

import dev.herd.agent.process.CommandResult;
import dev.herd.agent.process.ProcessRunner;
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
        return ScriptFile.with(".nft", script, file -> run("-c", "-f", file.toString()));
    }

    /** {@code nft -f}: applies the script as one transaction (all of it or nothing). */
    public CommandResult apply(String script) {
        return ScriptFile.with(".nft", script, file -> run("-f", file.toString()));
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
}
