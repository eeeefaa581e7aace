package dev.herd.gateway.isolation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code iptables-restore} and {@code ip6tables-restore} for the string-match chain of DROP_SIGNATURE isolations.
 * {@code command} is how to start iptables, e.g. {@code [iptables]} or {@code [nsenter, -t, PID, -n, iptables]}: the
 * last argument names the program, the IPv6 and restore programs are named after it. On Debian these are
 * iptables-nft, so the rules land in nftables' kernel tables beside {@code inet herd_isolation}.
 */
public final class Iptables {

    private final List<String> prefix;
    private final String program;

    public Iptables(List<String> command) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("the iptables command is empty");
        }
        this.prefix = List.copyOf(command.subList(0, command.size() - 1));
        this.program = command.getLast();
    }

    /** {@code iptables -S CHAIN} (or ip6tables): the chain's rules, one per line. */
    public Nft.Result list(String chain, boolean ipv6) throws IOException {
        return Nft.run("", command(ipv6 ? ipv6() : program, "-w", "-S", chain));
    }

    /** {@code iptables-restore --noflush} with the script on standard input: each table as one transaction. */
    public Nft.Result restore(String script, boolean ipv6) throws IOException {
        return Nft.run(script, command((ipv6 ? ipv6() : program) + "-restore", "-w", "--noflush"));
    }

    /** {@code iptables-restore --test --noflush}: would the kernel take the script? Nothing changes. */
    public Nft.Result test(String script, boolean ipv6) throws IOException {
        return Nft.run(script, command((ipv6 ? ipv6() : program) + "-restore", "-w", "--test", "--noflush"));
    }

    private String ipv6() {
        return program.replaceFirst("iptables(?!.*/)", "ip6tables");
    }

    private List<String> command(String executable, String... args) {
        List<String> full = new ArrayList<>(prefix);
        full.add(executable);
        full.addAll(List.of(args));
        return full;
    }
}
