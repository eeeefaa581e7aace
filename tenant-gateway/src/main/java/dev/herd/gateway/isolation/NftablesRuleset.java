package dev.herd.gateway.isolation;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renders the gateway's quarantine as one nftables script: table {@code inet herd_quarantine} with named sets of
 * quarantined IPv4, IPv6 and MAC addresses (and held MACs, which get no DHCP answer either) and rules that drop
 * forwarded traffic from and to them, except to the diagnosis addresses (gateway, DHCP, DNS). Only validated
 * {@link Machine} addresses and segment names matching {@code [A-Za-z0-9_.-]+} reach the text.
 */
public final class NftablesRuleset {

    /** The table every rendering replaces as a whole. */
    public static final String TABLE = "inet herd_quarantine";

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    /** One isolated machine and the segment it is isolated in. */
    public record Entry(Machine machine, String segment) {

        public Entry {
            requireSegment(segment);
        }
    }

    private NftablesRuleset() {}

    /** The whole script: creating, emptying and refilling the table in one atomic {@code nft -f} transaction. */
    public static String render(Collection<Entry> entries, List<Machine> diagnosis) {
        Map<String, String> v4 = new LinkedHashMap<>();
        Map<String, String> v6 = new LinkedHashMap<>();
        Map<String, String> macs = new LinkedHashMap<>();
        Map<String, String> held = new LinkedHashMap<>();
        for (Entry e : entries) {
            Machine m = e.machine();
            m.addressText().ifPresent(a -> (m.isIpv6() ? v6 : v4).put(a, e.segment()));
            m.mac().ifPresent(mac -> (m.hasAddress() ? macs : held).put(mac, e.segment()));
        }
        Map<String, String> diag4 = new LinkedHashMap<>();
        Map<String, String> diag6 = new LinkedHashMap<>();
        for (Machine d : diagnosis) {
            d.addressText().ifPresent(a -> (d.isIpv6() ? diag6 : diag4).put(a, null));
        }
        StringBuilder out = new StringBuilder();
        out.append("table ").append(TABLE).append('\n');
        out.append("delete table ").append(TABLE).append('\n');
        out.append("table ").append(TABLE).append(" {\n");
        set(out, "quarantined_v4", "ipv4_addr", v4);
        set(out, "quarantined_v6", "ipv6_addr", v6);
        set(out, "quarantined_mac", "ether_addr", macs);
        set(out, "held_mac", "ether_addr", held);
        set(out, "diagnosis_v4", "ipv4_addr", diag4);
        set(out, "diagnosis_v6", "ipv6_addr", diag6);
        out.append("""
                    chain forward {
                        type filter hook forward priority filter - 10; policy accept;
                        ip saddr @quarantined_v4 ip daddr @diagnosis_v4 accept
                        ip daddr @quarantined_v4 ip saddr @diagnosis_v4 accept
                        ip6 saddr @quarantined_v6 ip6 daddr @diagnosis_v6 accept
                        ip6 daddr @quarantined_v6 ip6 saddr @diagnosis_v6 accept
                        ether saddr @quarantined_mac ip daddr @diagnosis_v4 accept
                        ether saddr @quarantined_mac ip6 daddr @diagnosis_v6 accept
                        ether saddr @quarantined_mac udp dport { 67, 547 } accept
                        ip saddr @quarantined_v4 drop
                        ip daddr @quarantined_v4 drop
                        ip6 saddr @quarantined_v6 drop
                        ip6 daddr @quarantined_v6 drop
                        ether saddr @quarantined_mac drop
                        ether saddr @held_mac drop
                    }
                    chain input {
                        type filter hook input priority filter - 10; policy accept;
                        ether saddr @held_mac udp dport { 67, 547 } drop
                    }
                }
                """);
        return out.toString();
    }

    static String requireSegment(String segment) {
        if (segment == null || !SEGMENT.matcher(segment).matches()) {
            throw new IllegalArgumentException("segment must match " + SEGMENT + ": " + segment);
        }
        return segment;
    }

    private static void set(StringBuilder out, String name, String type, Map<String, String> elements) {
        out.append("    set ")
                .append(name)
                .append(" {\n        type ")
                .append(type)
                .append('\n');
        if (!elements.isEmpty()) {
            out.append("        elements = {");
            String sep = " ";
            for (Map.Entry<String, String> e : elements.entrySet()) {
                out.append(sep).append(e.getKey());
                if (e.getValue() != null) {
                    out.append(" comment \"segment ").append(e.getValue()).append('"');
                }
                sep = ",\n            ";
            }
            out.append(" }\n");
        }
        out.append("    }\n");
    }
}
