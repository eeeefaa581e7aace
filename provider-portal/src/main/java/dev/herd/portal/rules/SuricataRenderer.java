package dev.herd.portal.rules;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Renders the filter rules that carry a payload signature as Suricata rules, one line each:
 * {@code drop <proto> any any -> <destination> <port> (msg:"herd:N ..."; content:"..."; sid:<9000000+N>; rev:1;)}.
 *
 * <p>The signature is matched as literal bytes (UTF-8): printable ASCII stays as it is, except {@code ; " \ |},
 * which together with every other byte become Suricata hex ({@code |3B 22|}); so a signature can neither end the
 * content string nor the rule. The destination lists the protected addresses, or {@code $HOME_NET} (with a
 * comment line) beyond {@value #MAX_LISTED_ADDRESSES} of them. A rule for any protocol uses {@code ip}, which in
 * Suricata takes no port: a port without a protocol is then not enforced, and a comment line says so.
 * {@link RuleAction#RATE_LIMIT} becomes a {@code detection_filter} (drop beyond N matches per second and
 * destination); DROP and REJECT both {@code drop}. Stateless and thread-safe.
 */
public final class SuricataRenderer {

    static final long SID_BASE = 9_000_000L;
    static final int MAX_LISTED_ADDRESSES = 256;

    /** One line per rule with a signature, in rule number order; an empty string when there is none. */
    public String rules(List<FilterRule> rules) {
        StringBuilder out = new StringBuilder();
        for (FilterRule rule : NftablesRenderer.byNumber(rules, "rules").values()) {
            if (rule.hasSignature()) {
                appendRule(out, rule);
            }
        }
        return out.toString();
    }

    /**
     * The lines of one rule (with their comment lines), or null when it carries no signature; {@link #rules} is these
     * texts concatenated in rule number order.
     */
    public String rule(FilterRule rule) {
        if (!rule.hasSignature()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        appendRule(out, rule);
        return out.toString();
    }

    private static void appendRule(StringBuilder out, FilterRule rule) {
        String label = RuleLabel.of(rule);
        RuleAddresses addresses = RuleAddresses.of(rule.addresses());
        String destination;
        if (addresses.size() > MAX_LISTED_ADDRESSES) {
            out.append("# ")
                    .append(label)
                    .append(": ")
                    .append(addresses.size())
                    .append(" protected addresses are too many to list; $HOME_NET must include them\n");
            destination = "$HOME_NET";
        } else {
            StringBuilder list = new StringBuilder("[");
            for (String address : addresses.ipv4()) {
                list.append(list.length() > 1 ? "," : "").append(address);
            }
            for (String address : addresses.ipv6()) {
                list.append(list.length() > 1 ? "," : "").append(address);
            }
            destination = list.append(']').toString();
        }
        String protocol = rule.protocol() == null ? "ip" : rule.protocol();
        if (rule.protocol() == null && rule.port() != null) {
            out.append("# ")
                    .append(label)
                    .append(": port ")
                    .append(rule.port())
                    .append(" without a protocol; Suricata ip rules take no port, so every port is inspected\n");
        }
        String port = rule.protocol() == null || rule.port() == null
                ? "any"
                : rule.port().toString();
        RuleAddresses sources = RuleAddresses.of(rule.sources());
        String source = sources.size() == 0
                ? "any"
                : "["
                        + String.join(
                                ",",
                                java.util.stream.Stream.concat(sources.ipv4().stream(), sources.ipv6().stream())
                                        .toList())
                        + "]";
        out.append("drop ")
                .append(protocol)
                .append(' ')
                .append(source)
                .append(" any -> ")
                .append(destination)
                .append(' ')
                .append(port)
                .append(" (msg:\"")
                .append(label)
                .append("\"; content:\"")
                .append(content(rule.signature()))
                .append("\"; ");
        if (rule.action() == RuleAction.RATE_LIMIT) {
            out.append("detection_filter:track by_dst, count ")
                    .append(rule.rateLimitPerSecond())
                    .append(", seconds 1; ");
        }
        out.append("sid:").append(SID_BASE + rule.number()).append("; rev:1;)\n");
    }

    /** The signature as the inside of a Suricata {@code content:"..."}: special and non-printable bytes as hex. */
    static String content(String signature) {
        byte[] bytes = signature.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 8);
        boolean inHex = false;
        for (byte b : bytes) {
            int value = b & 0xff;
            boolean literal =
                    value >= 0x20 && value < 0x7f && value != ';' && value != '"' && value != '\\' && value != '|';
            if (literal) {
                if (inHex) {
                    out.append('|');
                    inHex = false;
                }
                out.append((char) value);
            } else {
                out.append(inHex ? " " : "|");
                inHex = true;
                out.append(Character.toUpperCase(Character.forDigit(value >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(value & 0xf, 16)));
            }
        }
        if (inHex) {
            out.append('|');
        }
        return out.toString();
    }
}
