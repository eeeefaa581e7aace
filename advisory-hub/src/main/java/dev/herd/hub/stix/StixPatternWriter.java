package dev.herd.hub.stix;

import dev.herd.contracts.damage.DamageReport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes Herd's indicators as a STIX 2.1 pattern (STIX 2.1 §9): one observation expression per indicator, joined by
 * {@code OR}, since each indicator alone is a reason to act. {@link StixPatternParser} reads every pattern written here.
 */
public final class StixPatternWriter {

    private StixPatternWriter() {}

    public static String write(List<DamageReport.Indicator> indicators) {
        return indicators.stream().map(StixPatternWriter::observation).collect(Collectors.joining(" OR "));
    }

    private static String observation(DamageReport.Indicator indicator) {
        return switch (indicator.type()) {
            case FILE_HASH -> "[file:hashes.'SHA-256' = " + literal(indicator.value()) + "]";
            case ATTACKER_ADDRESS -> address(indicator);
            case SIGNATURE ->
                "[network-traffic:src_payload_ref.payload_bin MATCHES " + literal(regex(indicator.value()))
                        + service(indicator) + "]";
        };
    }

    private static String address(DamageReport.Indicator indicator) {
        String value = indicator.value();
        String type = value.contains(":") ? "ipv6-addr" : "ipv4-addr";
        String operator = value.contains("/") ? " ISSUBSET " : " = ";
        if (indicator.port() == null && indicator.protocol() == null) {
            return "[" + type + ":value" + operator + literal(value) + "]";
        }
        return "[network-traffic:src_ref.type = " + literal(type) + " AND network-traffic:src_ref.value" + operator
                + literal(value) + service(indicator) + "]";
    }

    private static String service(DamageReport.Indicator indicator) {
        StringBuilder service = new StringBuilder();
        if (indicator.protocol() != null) {
            service.append(" AND network-traffic:protocols[*] = ").append(literal(indicator.protocol()));
        }
        if (indicator.port() != null) {
            service.append(" AND network-traffic:dst_port = ").append(indicator.port());
        }
        return service.toString();
    }

    /**
     * A regular expression that matches exactly the bytes of {@code signature}: letters, digits and spaces as they
     * are, every other byte of its UTF-8 form as {@code \xHH} (STIX 2.1 §9.6 matches binary properties byte-wise).
     */
    static String regex(String signature) {
        StringBuilder regex = new StringBuilder();
        for (byte b : signature.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ') {
                regex.append((char) c);
            } else {
                regex.append(String.format("\\x%02x", c));
            }
        }
        return regex.toString();
    }

    /** A STIX string literal: quoted, with {@code \} and {@code '} escaped (STIX 2.1 §9.4). */
    static String literal(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
