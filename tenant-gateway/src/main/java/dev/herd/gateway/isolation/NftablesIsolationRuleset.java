package dev.herd.gateway.isolation;

import dev.herd.contracts.isolation.IsolationOrder.Mode;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders the recovery broker's isolation orders as one nftables script: table {@code inet herd_isolation}, whose
 * forward chain has, per order and address family, one rule for traffic from and one for traffic to its machines,
 * commented with the order id. COMPLETE drops; RATE_LIMIT drops what exceeds {@code limit rate over N/second}.
 * DROP_SIGNATURE appears only as a comment line: nftables cannot match payload strings, so its rules are kernel string
 * matches ({@link StringMatchIsolationRuleset}). COMPLETE rules come first, so the strongest isolation wins.
 */
public final class NftablesIsolationRuleset {

    /** The table every rendering replaces as a whole. */
    public static final String TABLE = "inet herd_isolation";

    private static final Comparator<Isolation> STRONGEST_FIRST = Comparator.comparingInt(i -> switch (i.mode()) {
        case COMPLETE -> 0;
        case RATE_LIMIT -> 1;
        case DROP_SIGNATURE -> 2;
    });

    private NftablesIsolationRuleset() {}

    /** The whole script: creating, emptying and refilling the table in one atomic {@code nft -f} transaction. */
    public static String render(Collection<Isolation> isolations) {
        StringBuilder out = new StringBuilder();
        out.append("table ").append(TABLE).append('\n');
        out.append("delete table ").append(TABLE).append('\n');
        out.append("table ").append(TABLE).append(" {\n");
        out.append("    chain forward {\n");
        out.append("        type filter hook forward priority filter - 5; policy accept;\n");
        for (Isolation isolation : isolations.stream().sorted(STRONGEST_FIRST).toList()) {
            if (isolation.mode() == Mode.DROP_SIGNATURE) {
                out.append("        # order ")
                        .append(isolation.orderId())
                        .append(" DROP_SIGNATURE: string matches in iptables chain ")
                        .append(StringMatchIsolationRuleset.CHAIN)
                        .append('\n');
                continue;
            }
            String verdict = verdict(isolation);
            String comment = " comment \"order " + isolation.orderId() + " " + isolation.mode() + "\"\n";
            family(out, "ip", addresses(isolation.machines(), false), verdict, comment);
            family(out, "ip6", addresses(isolation.machines(), true), verdict, comment);
        }
        out.append("    }\n}\n");
        return out.toString();
    }

    private static String verdict(Isolation isolation) {
        return isolation.mode() == Mode.COMPLETE
                ? "drop"
                : "limit rate over " + isolation.ratePerSecond() + "/second drop";
    }

    private static void family(
            StringBuilder out, String family, List<String> addresses, String verdict, String comment) {
        if (addresses.isEmpty()) {
            return;
        }
        String set = addresses.stream().collect(Collectors.joining(", ", "{ ", " }"));
        for (String direction : List.of("saddr", "daddr")) {
            out.append("        ")
                    .append(family)
                    .append(' ')
                    .append(direction)
                    .append(' ')
                    .append(set)
                    .append(' ')
                    .append(verdict)
                    .append(comment);
        }
    }

    private static List<String> addresses(List<Machine> machines, boolean ipv6) {
        return machines.stream()
                .filter(m -> m.isIpv6() == ipv6)
                .map(m -> m.addressText().orElseThrow())
                .distinct()
                .toList();
    }
}
