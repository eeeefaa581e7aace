package dev.herd.portal.rules;

import java.util.List;

/**
 * One network rule against an advisory: what to do with traffic of a protocol and port, or carrying a payload
 * signature, when it goes to the protected machines of a tenant. Validated on construction; the address list is
 * copied and may hold 100,000 entries.
 *
 * @param number unique within a tenant's rule set, positive; names the nftables chain and sets and the Suricata sid
 * @param advisoryId the advisory the rule answers; only {@code [A-Za-z0-9._:-]} survives into rendered comments
 * @param action what to do with matching traffic
 * @param protocol {@code tcp}, {@code udp} or null for any protocol
 * @param port destination port 0..65535, or null for any port
 * @param rateLimitPerSecond packets per second allowed before dropping; required for {@link RuleAction#RATE_LIMIT},
 *     null otherwise
 * @param signature payload bytes (as text) that Suricata matches, or null for a pure network rule
 * @param addresses IPv4/IPv6 address or CIDR literals of the protected machines; no host names
 * @param sources IPv4/IPv6 address or CIDR literals of the attackers whose traffic the rule matches; empty for any
 *     source
 */
public record FilterRule(
        int number,
        String advisoryId,
        RuleAction action,
        String protocol,
        Integer port,
        Integer rateLimitPerSecond,
        String signature,
        List<String> addresses,
        List<String> sources) {

    /** A rule for traffic from any source. */
    public FilterRule(
            int number,
            String advisoryId,
            RuleAction action,
            String protocol,
            Integer port,
            Integer rateLimitPerSecond,
            String signature,
            List<String> addresses) {
        this(number, advisoryId, action, protocol, port, rateLimitPerSecond, signature, addresses, List.of());
    }

    public FilterRule {
        if (number <= 0) {
            throw new IllegalArgumentException("number must be positive, was " + number);
        }
        if (advisoryId == null || advisoryId.isBlank()) {
            throw new IllegalArgumentException("advisoryId must not be blank (rule " + number + ")");
        }
        if (action == null) {
            throw new IllegalArgumentException("action must not be null (rule " + number + ")");
        }
        if (protocol != null && !protocol.equals("tcp") && !protocol.equals("udp")) {
            throw new IllegalArgumentException("protocol must be tcp, udp or null for any, was '"
                    + AddressBlock.printable(protocol) + "' (rule " + number + ")");
        }
        if (port != null && (port < 0 || port > 65535)) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port + " (rule " + number + ")");
        }
        if (action == RuleAction.RATE_LIMIT && (rateLimitPerSecond == null || rateLimitPerSecond <= 0)) {
            throw new IllegalArgumentException("rateLimitPerSecond must be positive for RATE_LIMIT, was "
                    + rateLimitPerSecond + " (rule " + number + ")");
        }
        if (action != RuleAction.RATE_LIMIT && rateLimitPerSecond != null) {
            throw new IllegalArgumentException(
                    "rateLimitPerSecond is only for RATE_LIMIT, was given for " + action + " (rule " + number + ")");
        }
        if (signature != null && signature.isEmpty()) {
            throw new IllegalArgumentException("signature must be null or non-empty (rule " + number + ")");
        }
        if (addresses == null || addresses.isEmpty()) {
            // An empty list must not turn into "match every destination".
            throw new IllegalArgumentException("addresses must not be empty (rule " + number + ")");
        }
        for (int i = 0; i < addresses.size(); i++) {
            AddressBlock.parse(addresses.get(i), "addresses[" + i + "] (rule " + number + ")");
        }
        addresses = List.copyOf(addresses);
        sources = sources == null ? List.of() : sources;
        for (int i = 0; i < sources.size(); i++) {
            AddressBlock.parse(sources.get(i), "sources[" + i + "] (rule " + number + ")");
        }
        sources = List.copyOf(sources);
    }

    /** True when the rule matches payload and so belongs to Suricata rather than to nftables. */
    public boolean hasSignature() {
        return signature != null;
    }
}
