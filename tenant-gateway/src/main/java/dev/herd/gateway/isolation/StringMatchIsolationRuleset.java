package dev.herd.gateway.isolation;

import dev.herd.contracts.isolation.IsolationOrder.Mode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * DROP_SIGNATURE isolations as kernel string matches ({@code xt_string}), since nftables cannot match payload strings:
 * chain {@value #CHAIN} of table {@code filter}, which {@code FORWARD} jumps to first, with per order and address one
 * rule for traffic from and one for traffic to the machine, e.g. {@code -A HERD-ISOLATION -s 10.0.0.7 -m string
 * --hex-string "|474554202f|" --algo bm -m comment --comment "order <id> DROP_SIGNATURE" -j DROP}. The signature is
 * always written as hex, so no byte of it can end the string or the line; the kernel matches at most
 * {@value #MAX_PATTERN_BYTES} bytes, so a longer signature is matched by its start. One {@code iptables-restore
 * --noflush} script per address family replaces the whole chain in one transaction. Stateless.
 */
public final class StringMatchIsolationRuleset {

    public static final String CHAIN = "HERD-ISOLATION";
    /** Below {@code XT_STRING_MAX_PATTERN_SIZE} (128): iptables refuses a pattern of 128 bytes as too long. */
    static final int MAX_PATTERN_BYTES = 127;

    private StringMatchIsolationRuleset() {}

    /** Whether any of the isolations needs string matches. */
    public static boolean needed(Collection<Isolation> isolations) {
        return isolations.stream().anyMatch(i -> i.mode() == Mode.DROP_SIGNATURE);
    }

    /**
     * The script for one family: the chain exactly the DROP_SIGNATURE isolations' rules (declaring a chain flushes it),
     * and the jump from {@code FORWARD} when {@code addJump}.
     */
    public static String render(Collection<Isolation> isolations, boolean ipv6, boolean addJump) {
        StringBuilder out = new StringBuilder("*filter\n:").append(CHAIN).append(" - [0:0]\n");
        List<Isolation> signatures = isolations.stream()
                .filter(i -> i.mode() == Mode.DROP_SIGNATURE)
                .sorted(Comparator.comparing(Isolation::orderId))
                .toList();
        for (Isolation isolation : signatures) {
            String match = " -m string --hex-string \"|" + HexFormat.of().formatHex(pattern(isolation.signature()))
                    + "|\" --algo bm -m comment --comment \"order " + isolation.orderId()
                    + " DROP_SIGNATURE\" -j DROP\n";
            List<String> addresses = isolation.machines().stream()
                    .filter(m -> m.isIpv6() == ipv6)
                    .map(m -> m.addressText().orElseThrow())
                    .distinct()
                    .toList();
            for (String address : addresses) {
                out.append("-A ").append(CHAIN).append(" -s ").append(address).append(match);
                out.append("-A ").append(CHAIN).append(" -d ").append(address).append(match);
            }
        }
        if (addJump) {
            out.append("-I FORWARD 1 -j ").append(CHAIN).append('\n');
        }
        return out.append("COMMIT\n").toString();
    }

    /** Whether an {@code iptables -S FORWARD} listing already jumps to the chain. */
    public static boolean jumpsToChain(String forwardListing) {
        return forwardListing.lines().anyMatch(line -> line.strip().equals("-A FORWARD -j " + CHAIN));
    }

    private static byte[] pattern(String signature) {
        byte[] bytes = signature.getBytes(StandardCharsets.UTF_8);
        return bytes.length > MAX_PATTERN_BYTES ? Arrays.copyOf(bytes, MAX_PATTERN_BYTES) : bytes;
    }
}
