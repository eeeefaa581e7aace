package dev.herd.hub.community;

import dev.herd.contracts.damage.DamageReport;
import dev.herd.hub.advisory.CanonicalId;
import dev.herd.hub.advisory.Mitigation;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The indicators of a damage report, checked and in canonical form (sorted, without duplicates): the community
 * advisory id is derived from them, so the same indicator set always names the same advisory. Pure.
 */
public record CommunityIndicators(List<DamageReport.Indicator> indicators) {

    private static final Pattern SHA256 = Pattern.compile("^[0-9a-f]{64}$");
    private static final Pattern ADDRESS_TEXT = Pattern.compile("^[0-9a-f.:]+(/\\d{1,3})?$");
    /** Most indicators one report or one STIX indicator may carry. */
    public static final int MAX_INDICATORS = 100;
    /** Longest payload signature, in characters. */
    public static final int MAX_SIGNATURE = 4096;

    /** Checks and canonicalises the indicators of {@code report}; {@link IllegalArgumentException} names the fault. */
    static CommunityIndicators of(DamageReport report) {
        return of(report.indicators());
    }

    /**
     * Checks and canonicalises {@code indicators} (from a damage report or a provider's STIX indicator);
     * {@link IllegalArgumentException} names the fault as {@code indicators[i]: ...}.
     */
    public static CommunityIndicators of(List<DamageReport.Indicator> indicators) {
        if (indicators.isEmpty()) {
            throw new IllegalArgumentException("a damage report needs at least one indicator");
        }
        if (indicators.size() > MAX_INDICATORS) {
            throw new IllegalArgumentException("more than " + MAX_INDICATORS + " indicators");
        }
        TreeSet<String> seen = new TreeSet<>();
        List<DamageReport.Indicator> canonical = new ArrayList<>();
        List<DamageReport.Indicator> sorted = new ArrayList<>();
        for (int i = 0; i < indicators.size(); i++) {
            sorted.add(canonical(indicators.get(i), "indicators[" + i + "]"));
        }
        sorted.sort((a, b) -> key(a).compareTo(key(b)));
        for (DamageReport.Indicator indicator : sorted) {
            if (seen.add(key(indicator))) {
                canonical.add(indicator);
            }
        }
        return new CommunityIndicators(List.copyOf(canonical));
    }

    /** {@code HERD-COMMUNITY-} and the first 12 hex digits of the SHA-256 of the sorted indicators. */
    public String advisoryId() {
        String joined = String.join(
                "\n", indicators.stream().map(CommunityIndicators::key).toList());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8));
            return CanonicalId.COMMUNITY_PREFIX
                    + HexFormat.of().formatHex(digest).substring(0, 12).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One mitigation per indicator: a signature or an attacker filter, or (file hash) a description only. */
    public List<Mitigation> mitigations() {
        return indicators.stream()
                .map(i -> switch (i.type()) {
                    case SIGNATURE ->
                        new Mitigation(
                                i.protocol(), i.port(), null, i.value(), "payload signature seen in damage", null);
                    case ATTACKER_ADDRESS ->
                        new Mitigation(
                                i.protocol(), i.port(), null, null, "traffic from attacker " + i.value(), i.value());
                    case FILE_HASH -> new Mitigation(null, null, null, null, "file sha256 " + i.value(), null);
                })
                .toList();
    }

    /** A short human summary: {@code signature on tcp/443, attacker 203.0.113.7}. */
    public String summary() {
        return String.join(
                ", ",
                indicators.stream()
                        .map(i -> switch (i.type()) {
                            case SIGNATURE -> "signature" + service(i);
                            case ATTACKER_ADDRESS -> "attacker " + i.value() + service(i);
                            case FILE_HASH -> "file " + i.value().substring(0, 12);
                        })
                        .toList());
    }

    private static String service(DamageReport.Indicator i) {
        if (i.port() == null) {
            return "";
        }
        return " on " + (i.protocol() == null ? "any" : i.protocol()) + "/" + i.port();
    }

    private static String key(DamageReport.Indicator i) {
        return i.type() + "|" + i.value() + "|" + (i.protocol() == null ? "-" : i.protocol()) + "|"
                + (i.port() == null ? "-" : i.port());
    }

    private static DamageReport.Indicator canonical(DamageReport.Indicator indicator, String where) {
        if (indicator == null || indicator.type() == null) {
            throw new IllegalArgumentException(where + ": type is missing");
        }
        if (indicator.value() == null || indicator.value().isBlank()) {
            throw new IllegalArgumentException(where + ": value is missing");
        }
        String protocol = indicator.protocol() == null || indicator.protocol().isBlank()
                ? null
                : indicator.protocol().strip().toLowerCase(Locale.ROOT);
        if (protocol != null && !protocol.equals("tcp") && !protocol.equals("udp")) {
            throw new IllegalArgumentException(where + ": protocol must be tcp, udp or absent");
        }
        Integer port = indicator.port();
        if (port != null && (port < 0 || port > 65535)) {
            throw new IllegalArgumentException(where + ": port must be 0..65535");
        }
        String value = switch (indicator.type()) {
            case SIGNATURE -> signature(indicator.value(), where);
            case FILE_HASH -> fileHash(indicator.value(), where);
            case ATTACKER_ADDRESS -> address(indicator.value(), where);
        };
        if (indicator.type() == DamageReport.Type.FILE_HASH) {
            return new DamageReport.Indicator(indicator.type(), value, null, null);
        }
        return new DamageReport.Indicator(indicator.type(), value, protocol, port);
    }

    private static String signature(String value, String where) {
        if (value.length() > MAX_SIGNATURE) {
            throw new IllegalArgumentException(where + ": signature longer than " + MAX_SIGNATURE + " characters");
        }
        return value;
    }

    private static String fileHash(String value, String where) {
        String hash = value.strip().toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(hash).matches()) {
            throw new IllegalArgumentException(where + ": a file hash must be 64 hex digits (SHA-256)");
        }
        return hash;
    }

    private static boolean ipv4(String host) {
        String[] octets = host.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(Character::isDigit)) {
                return false;
            }
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    /** An IPv4/IPv6 address or CIDR block, re-printed from its parsed value (never resolved as a host name). */
    static String address(String value, String where) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        if (!ADDRESS_TEXT.matcher(text).matches()) {
            throw new IllegalArgumentException(where + ": not an IP address or CIDR block");
        }
        int slash = text.indexOf('/');
        String host = slash < 0 ? text : text.substring(0, slash);
        boolean ipv6 = host.contains(":");
        if (!ipv6 && !ipv4(host)) {
            throw new IllegalArgumentException(where + ": not an IP address or CIDR block");
        }
        try {
            // Only literals reach here (digits, dots, colons, hex), so this never asks DNS.
            InetAddress address = InetAddress.getByName(host);
            int bits = address.getAddress().length * 8;
            String printed = address.getHostAddress();
            if (slash < 0) {
                return printed;
            }
            int prefix = Integer.parseInt(text.substring(slash + 1));
            if (prefix > bits) {
                throw new IllegalArgumentException(where + ": prefix /" + prefix + " is longer than " + bits);
            }
            return printed + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(where + ": not an IP address or CIDR block");
        }
    }
}
