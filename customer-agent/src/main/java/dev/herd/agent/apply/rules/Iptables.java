package dev.herd.agent.apply.rules;

import dev.herd.agent.process.CommandResult;
import dev.herd.agent.process.ProcessRunner;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code iptables} or {@code ip6tables} and its {@code -restore} companion, for one address family. {@code command}
 * is how to start the IPv4 program, e.g. {@code [iptables]} or {@code [nsenter, -t, PID, -n, iptables]}: the last
 * argument names the program, and the IPv6 and restore programs are named after it ({@code ip6tables},
 * {@code iptables-restore}). On Debian these are iptables-nft, so what they add lands in nftables' kernel tables.
 */
public class Iptables {

    /** The address families: IPv4 through iptables, IPv6 through ip6tables. */
    public enum Family {
        V4,
        V6
    }

    private final ProcessRunner runner;
    private final List<String> prefix;
    private final String program;
    private final Family family;

    public Iptables(ProcessRunner runner, List<String> command, Family family) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("the iptables command is empty");
        }
        this.runner = runner;
        this.prefix = List.copyOf(command.subList(0, command.size() - 1));
        String ipv4 = command.getLast();
        this.program = family == Family.V4 ? ipv4 : ipv4.replaceFirst("iptables(?!.*/)", "ip6tables");
        this.family = family;
    }

    public Family family() {
        return family;
    }

    /** {@code iptables -S}: every chain of table {@code filter} ({@code -N}, {@code -P}) and its rules ({@code -A}). */
    public CommandResult listTable() {
        return run(List.of(program, "-w", "-S"));
    }

    /** {@code iptables-restore --noflush}: applies the script to its tables, each table as one transaction. */
    public CommandResult restore(String script) {
        return ScriptFile.with(
                ".rules", script, file -> run(List.of(program + "-restore", "-w", "--noflush", file.toString())));
    }

    /** {@code iptables-restore --test --noflush}: would the kernel take the script? Nothing changes. */
    public CommandResult test(String script) {
        return ScriptFile.with(
                ".rules",
                script,
                file -> run(List.of(program + "-restore", "-w", "--test", "--noflush", file.toString())));
    }

    private CommandResult run(List<String> args) {
        List<String> full = new ArrayList<>(prefix);
        full.addAll(args);
        return runner.run(full);
    }
}
