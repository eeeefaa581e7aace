package dev.herd.agent.monitor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which signature a packet logged to NFLOG hit: a canary check ({@code HERD-CANARY-<uuid>} in its bytes) or the first
 * rule of the agent's signature chain, as {@code iptables -S} lists it ({@code --string "..."} or {@code --hex-string
 * "|...|"}, with its {@code -p} and {@code --dport}), whose pattern its bytes hold. Immutable; the monitor reads a new
 * one from the kernel every interval.
 */
final class SignatureCatalogue {

    static final SignatureCatalogue EMPTY = new SignatureCatalogue(List.of());

    private static final Pattern CANARY =
            Pattern.compile("HERD-CANARY-[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern RULE_NUMBER = Pattern.compile("--comment \"?herd:([0-9]{1,9}) ");
    private static final Pattern PROTOCOL = Pattern.compile(" -p ([a-z0-9-]{1,32})");
    private static final Pattern PORT = Pattern.compile(" --dport ([0-9]{1,5})\\b");
    private static final Pattern TEXT = Pattern.compile(" --string \"((?:[^\"\\\\]|\\\\.){1,200})\"");
    private static final Pattern HEX = Pattern.compile(" --hex-string \"\\|([0-9a-fA-F]{2,512})\\|\"");

    /** One signature rule: its number, what it matches and the bytes it looks for. */
    record Entry(int number, String protocol, Integer port, byte[] pattern) {

        String signature() {
            return new String(pattern, StandardCharsets.UTF_8);
        }
    }

    private final List<Entry> entries;

    private SignatureCatalogue(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The rules of {@code chain} in an {@code iptables -S} listing, one entry per rule number, in listing order. */
    static SignatureCatalogue of(String listing, String chain) {
        Map<Integer, Entry> byNumber = new LinkedHashMap<>();
        for (String line : listing.split("\n")) {
            if (line.startsWith("-A " + chain + " ")) {
                entry(line).ifPresent(entry -> byNumber.putIfAbsent(entry.number(), entry));
            }
        }
        return new SignatureCatalogue(new ArrayList<>(byNumber.values()));
    }

    List<Entry> entries() {
        return entries;
    }

    /** The signature the packet hit: its canary, or the first rule whose protocol, port and pattern it matches. */
    Optional<String> signatureOf(IpPacket packet) {
        Matcher canary = CANARY.matcher(new String(packet.bytes(), StandardCharsets.ISO_8859_1));
        if (canary.find()) {
            return Optional.of(canary.group());
        }
        for (Entry entry : entries) {
            if ((entry.protocol() == null || entry.protocol().equals(packet.protocol()))
                    && (entry.port() == null || entry.port().equals(packet.port()))
                    && contains(packet.bytes(), entry.pattern())) {
                return Optional.of(entry.signature());
            }
        }
        return Optional.empty();
    }

    private static Optional<Entry> entry(String line) {
        Matcher number = RULE_NUMBER.matcher(line);
        if (!number.find()) {
            return Optional.empty();
        }
        byte[] pattern;
        Matcher text = TEXT.matcher(line);
        Matcher hex = HEX.matcher(line);
        if (text.find()) {
            pattern = text.group(1).replaceAll("\\\\(.)", "$1").getBytes(StandardCharsets.ISO_8859_1);
        } else if (hex.find() && hex.group(1).length() % 2 == 0) {
            pattern = HexFormat.of().parseHex(hex.group(1));
        } else {
            return Optional.empty();
        }
        Matcher protocol = PROTOCOL.matcher(line);
        Matcher port = PORT.matcher(line);
        return Optional.of(new Entry(
                Integer.parseInt(number.group(1)),
                protocol.find() ? protocol.group(1).toLowerCase(Locale.ROOT) : null,
                port.find() ? Integer.valueOf(port.group(1)) : null,
                pattern));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
