package dev.herd.agent.monitor;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one event line of {@code conntrack -E -e NEW -o timestamp}, e.g. {@code [1796609739.211407] [NEW] tcp 6 120
 * SYN_SENT src=10.0.0.5 dst=10.0.0.7 sport=34112 dport=443 [UNREPLIED] src=...}: the first {@code src}, {@code dst}
 * and {@code dport} are the original direction, the one the flow started in. Anything else (another event, a line
 * cut short, an address or port that is none) is not a flow.
 */
final class ConntrackLine {

    private static final Pattern EVENT = Pattern.compile(
            "^\\[(\\d{1,12}\\.\\d{1,9})]\\s+\\[NEW]\\s+([a-z0-9]{1,16})\\s.*?\\bsrc=([0-9A-Fa-f:.]{2,45})\\s+"
                    + "dst=([0-9A-Fa-f:.]{2,45})(?:\\s+sport=\\d{1,5}\\s+dport=(\\d{1,5}))?");

    private ConntrackLine() {}

    static Optional<Flow> parse(String line) {
        if (line == null || line.length() > 4096) {
            return Optional.empty();
        }
        Matcher m = EVENT.matcher(line.strip());
        if (!m.find()) {
            return Optional.empty();
        }
        String protocol = protocol(m.group(2));
        Integer port = null;
        if (protocol.equals("tcp") || protocol.equals("udp")) {
            if (m.group(5) == null) {
                return Optional.empty();
            }
            port = Integer.parseInt(m.group(5));
            if (port > 65535) {
                return Optional.empty();
            }
        }
        BigDecimal seconds = new BigDecimal(m.group(1));
        Instant time = Instant.ofEpochSecond(
                seconds.longValue(),
                seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        return Optional.of(new Flow(time.toString(), m.group(3), m.group(4), protocol, port, 0));
    }

    private static String protocol(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "tcp" -> "tcp";
            case "udp", "udplite" -> "udp";
            case "icmp", "icmpv6" -> "icmp";
            default -> "other";
        };
    }
}
