package dev.herd.agent.monitor;

import dev.herd.agent.apply.rules.Iptables;
import dev.herd.agent.process.CommandResult;
import java.util.List;
import java.util.Optional;

/**
 * The sensor's own rule that sees canary checks (DESIGN §3.6): chain {@value #CHAIN} of table {@code filter}, jumped
 * to first from {@code INPUT} and {@code FORWARD}, logs every packet carrying {@code HERD-CANARY-} to the NFLOG group
 * the monitor reads, and passes it on (a canary is never dropped). Loaded for IPv4 and IPv6 in one transaction each.
 */
final class CanaryRule {

    static final String CHAIN = "HERD-MON";
    private static final List<String> HOOKS = List.of("INPUT", "FORWARD");

    private CanaryRule() {}

    /** Loads the chain through each family's iptables; why it could not, if it could not. */
    static Optional<String> load(List<Iptables> families, int group) {
        for (Iptables family : families) {
            CommandResult listed = family.listTable();
            StringBuilder script = new StringBuilder("*filter\n:")
                    .append(CHAIN)
                    .append(" - [0:0]\n-A ")
                    .append(CHAIN)
                    .append(" -m string --string \"HERD-CANARY-\" --algo bm -m comment --comment \"herd:canary\"")
                    .append(" -j NFLOG --nflog-group ")
                    .append(group)
                    .append(" --nflog-prefix \"herd:canary\"\n");
            for (String hook : HOOKS) {
                boolean jumping = listed.succeeded()
                        && listed.stdout().lines().anyMatch(line -> line.strip().equals("-A " + hook + " -j " + CHAIN));
                if (!jumping) {
                    script.append("-I ")
                            .append(hook)
                            .append(" 1 -j ")
                            .append(CHAIN)
                            .append('\n');
                }
            }
            CommandResult loaded = family.restore(script.append("COMMIT\n").toString());
            if (!loaded.succeeded()) {
                return Optional.of(family.family() + ": " + loaded.message());
            }
        }
        return Optional.empty();
    }
}
