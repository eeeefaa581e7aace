package dev.herd.hub.stix;

import dev.herd.contracts.damage.DamageReport;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the part of STIX 2.1 patterning (§9) that Herd can act on: observation expressions joined by {@code OR}, each
 * {@code [comparison AND ...]} on one object type, naming one SHA-256 file hash, one attacker address or CIDR block
 * ({@code ipv4-addr:value}, {@code ipv6-addr:value}, {@code network-traffic:src_ref.value}) or one payload signature
 * ({@code network-traffic:src_payload_ref.payload_bin MATCHES} a literal), with the attacked service's
 * {@code network-traffic:dst_port} and {@code protocols[*]}. Anything else is refused, naming the offset.
 */
public final class StixPatternParser {

    /** Longest pattern read, in characters. */
    public static final int MAX_LENGTH = 16_384;

    private final String text;
    private int at;

    private StixPatternParser(String text) {
        this.text = text;
    }

    /** The indicators the pattern names, one per observation expression, in order. */
    public static List<DamageReport.Indicator> parse(String pattern) throws StixPatternException {
        if (pattern.length() > MAX_LENGTH) {
            throw new StixPatternException(
                    StixPatternException.UNSUPPORTED, "longer than " + MAX_LENGTH + " characters");
        }
        return new StixPatternParser(pattern).pattern();
    }

    private List<DamageReport.Indicator> pattern() throws StixPatternException {
        List<DamageReport.Indicator> indicators = new ArrayList<>();
        indicators.add(observation());
        while (true) {
            skipSpace();
            if (at == text.length()) {
                return indicators;
            }
            String word = peekWord();
            if (word.equals("OR")) {
                at += 2;
                indicators.add(observation());
            } else if (List.of("AND", "FOLLOWEDBY", "WITHIN", "REPEATS", "START", "STOP")
                    .contains(word)) {
                throw unsupported("'" + word + "' between or after observation expressions (only OR is acted on)");
            } else {
                throw invalid("expected OR or the end of the pattern");
            }
        }
    }

    private DamageReport.Indicator observation() throws StixPatternException {
        skipSpace();
        if (at < text.length() && text.charAt(at) == '(') {
            throw unsupported("parenthesised observation expressions");
        }
        expect('[');
        List<Comparison> comparisons = new ArrayList<>();
        comparisons.add(comparison());
        while (true) {
            skipSpace();
            if (at < text.length() && text.charAt(at) == ']') {
                at++;
                return indicator(comparisons);
            }
            String word = peekWord();
            if (word.equals("AND")) {
                at += 3;
                comparisons.add(comparison());
            } else if (word.equals("OR")) {
                throw unsupported("OR inside an observation expression (write one [...] per indicator)");
            } else {
                throw invalid("expected AND or ]");
            }
        }
    }

    private record Comparison(int offset, String type, String property, String operator, Object value) {}

    private Comparison comparison() throws StixPatternException {
        skipSpace();
        int start = at;
        if (at < text.length() && text.charAt(at) == '(') {
            throw unsupported("parenthesised comparison expressions");
        }
        String type = name("an object type");
        expect(':');
        StringBuilder property = new StringBuilder(name("a property"));
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '.') {
                at++;
                property.append('.')
                        .append(at < text.length() && text.charAt(at) == '\'' ? string() : name("a property"));
            } else if (c == '[') {
                at++;
                int close = text.indexOf(']', at);
                if (close < 0) {
                    throw invalid("unclosed list index");
                }
                String index = text.substring(at, close);
                if (!index.equals("*") && !index.matches("\\d{1,9}")) {
                    throw invalid("list index must be * or a number");
                }
                property.append("[*]");
                at = close + 1;
            } else {
                break;
            }
        }
        skipSpace();
        String operator;
        if (text.startsWith("NOT", at)) {
            throw unsupported("NOT");
        } else if (text.startsWith("!=", at) || text.startsWith("<", at) || text.startsWith(">", at)) {
            throw unsupported("operator other than =, ISSUBSET, MATCHES");
        } else if (text.startsWith("=", at)) {
            operator = "=";
            at++;
        } else {
            operator = peekWord();
            if (!operator.equals("ISSUBSET") && !operator.equals("MATCHES")) {
                throw operator.matches("[A-Z]+")
                        ? unsupported("operator " + operator)
                        : invalid("expected a comparison operator");
            }
            at += operator.length();
        }
        skipSpace();
        Object value;
        if (at < text.length() && text.charAt(at) == '\'') {
            value = string();
        } else if (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '-')) {
            int from = at;
            at++;
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
            String digits = text.substring(from, at);
            try {
                value = Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw invalid("not an integer: " + digits);
            }
        } else if (at + 1 < text.length() && "bht(".indexOf(text.charAt(at)) >= 0 && text.charAt(at + 1) == '\'') {
            throw unsupported("binary, hex and timestamp literals");
        } else {
            throw invalid("expected a string or integer literal");
        }
        return new Comparison(start, type, property.toString(), operator, value);
    }

    private DamageReport.Indicator indicator(List<Comparison> comparisons) throws StixPatternException {
        String type = comparisons.get(0).type();
        DamageReport.Type kind = null;
        String value = null;
        String protocol = null;
        Integer port = null;
        for (Comparison each : comparisons) {
            if (!each.type().equals(type)) {
                throw new StixPatternException(
                        StixPatternException.INVALID,
                        "at " + each.offset() + ": every comparison of an observation expression names the same "
                                + "object type (STIX 2.1 §9.5); '" + each.type() + "' after '" + type + "'");
            }
            String path = type + ":" + each.property();
            switch (path.toLowerCase(Locale.ROOT)) {
                case "file:hashes.sha-256", "file:hashes.sha256" -> {
                    require(each, "=");
                    checkOnce(kind, each);
                    kind = DamageReport.Type.FILE_HASH;
                    value = text(each);
                }
                case "ipv4-addr:value", "ipv6-addr:value", "network-traffic:src_ref.value" -> {
                    if (!each.operator().equals("=") && !each.operator().equals("ISSUBSET")) {
                        throw unsupportedAt(each, each.operator() + " on an address (use = or ISSUBSET)");
                    }
                    checkOnce(kind, each);
                    kind = DamageReport.Type.ATTACKER_ADDRESS;
                    value = text(each);
                }
                case "network-traffic:src_payload_ref.payload_bin" -> {
                    require(each, "MATCHES");
                    checkOnce(kind, each);
                    kind = DamageReport.Type.SIGNATURE;
                    value = literalSignature(each);
                }
                case "network-traffic:src_ref.type" -> text(each);
                case "network-traffic:protocols[*]" -> {
                    require(each, "=");
                    protocol = text(each).toLowerCase(Locale.ROOT);
                }
                case "network-traffic:dst_port" -> {
                    require(each, "=");
                    if (!(each.value() instanceof Long number) || number < 0 || number > 65535) {
                        throw new StixPatternException(
                                StixPatternException.INVALID, "at " + each.offset() + ": dst_port must be 0..65535");
                    }
                    port = number.intValue();
                }
                default -> throw unsupportedAt(each, "the property " + path);
            }
        }
        if (kind == null) {
            throw new StixPatternException(
                    StixPatternException.UNSUPPORTED,
                    "at " + comparisons.get(0).offset() + ": the observation names no file hash, address or payload "
                            + "signature");
        }
        return new DamageReport.Indicator(kind, value, protocol, port);
    }

    private static void checkOnce(DamageReport.Type kind, Comparison each) throws StixPatternException {
        if (kind != null) {
            throw unsupportedAt(each, "two indicator values in one observation expression (AND of indicators)");
        }
    }

    private static void require(Comparison each, String operator) throws StixPatternException {
        if (!each.operator().equals(operator)) {
            throw unsupportedAt(each, each.operator() + " on " + each.type() + ":" + each.property());
        }
    }

    private static String text(Comparison each) throws StixPatternException {
        if (each.value() instanceof String string) {
            return string;
        }
        throw new StixPatternException(
                StixPatternException.INVALID,
                "at " + each.offset() + ": " + each.type() + ":" + each.property() + " takes a string");
    }

    /** The bytes a MATCHES regular expression stands for when it is a plain literal ({@code \xHH}, {@code \.}). */
    private static String literalSignature(Comparison each) throws StixPatternException {
        String regex = text(each);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                if (i + 1 >= regex.length()) {
                    throw unsupportedAt(each, "a regular expression ending in \\");
                }
                char next = regex.charAt(i + 1);
                if (next == 'x' && i + 3 < regex.length() && isHex(regex.charAt(i + 2)) && isHex(regex.charAt(i + 3))) {
                    bytes.write(Integer.parseInt(regex.substring(i + 2, i + 4), 16));
                    i += 3;
                } else if (!Character.isLetterOrDigit(next)) {
                    bytes.writeBytes(String.valueOf(next).getBytes(StandardCharsets.UTF_8));
                    i++;
                } else {
                    throw unsupportedAt(each, "the regular expression escape \\" + next + " (only literal signatures)");
                }
            } else if (".^$*+?()[]{}|".indexOf(c) >= 0) {
                throw unsupportedAt(each, "the regular expression operator '" + c + "' (only literal signatures)");
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw unsupportedAt(each, "a signature whose bytes are not UTF-8 text");
        }
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    /** A quoted STIX string at the cursor, unescaped ({@code \\} and {@code \'} only). */
    private String string() throws StixPatternException {
        int start = at;
        at++;
        StringBuilder value = new StringBuilder();
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '\'') {
                at++;
                return value.toString();
            }
            if (c == '\\') {
                if (at + 1 < text.length() && (text.charAt(at + 1) == '\\' || text.charAt(at + 1) == '\'')) {
                    value.append(text.charAt(at + 1));
                    at += 2;
                    continue;
                }
                throw invalid("only \\\\ and \\' are escapes in a string literal");
            }
            value.append(c);
            at++;
        }
        at = start;
        throw invalid("unterminated string literal");
    }

    private String name(String what) throws StixPatternException {
        int from = at;
        while (at < text.length()) {
            char c = text.charAt(at);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                at++;
            } else {
                break;
            }
        }
        if (at == from) {
            throw invalid("expected " + what);
        }
        return text.substring(from, at);
    }

    private String peekWord() {
        int end = at;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return text.substring(at, end);
    }

    private void expect(char c) throws StixPatternException {
        skipSpace();
        if (at >= text.length() || text.charAt(at) != c) {
            throw invalid("expected '" + c + "'");
        }
        at++;
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private StixPatternException invalid(String message) {
        return new StixPatternException(StixPatternException.INVALID, "at " + at + ": " + message);
    }

    private StixPatternException unsupported(String message) {
        return new StixPatternException(StixPatternException.UNSUPPORTED, "at " + at + ": " + message);
    }

    private static StixPatternException unsupportedAt(Comparison each, String message) {
        return new StixPatternException(StixPatternException.UNSUPPORTED, "at " + each.offset() + ": " + message);
    }
}
