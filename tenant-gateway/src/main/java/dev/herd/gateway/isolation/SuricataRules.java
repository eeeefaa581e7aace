package dev.herd.gateway.isolation;

import dev.herd.contracts.isolation.IsolationOrder.Mode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.HexFormat;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The Suricata rules file for DROP_SIGNATURE isolations: one {@code drop} rule per order, matching the signature as a
 * payload string in traffic from or to the order's machines, for sites that run Suricata inline beside the kernel's
 * string matches ({@link StringMatchIsolationRuleset}). The
 * sid is derived from the order id, so rendering the same orders always gives the same file. Suricata reads the file
 * when it (re)loads its rules.
 */
public final class SuricataRules {

    /** Lowest sid Herd uses: far above the ranges of public rule sets; sids stay below 2^31. */
    static final long SID_BASE = 1_000_000_000L;

    private final Path file;

    public SuricataRules(Path file) {
        this.file = file;
    }

    /** The sid of an order's rule: stable, in {@code [1 000 000 000, 2 000 000 000)}. */
    public static long sid(UUID orderId) {
        return SID_BASE + Math.floorMod(orderId.getMostSignificantBits() ^ orderId.getLeastSignificantBits(), SID_BASE);
    }

    /** The rule of one DROP_SIGNATURE isolation. */
    public static String rule(Isolation isolation) {
        String addresses = isolation.machines().stream()
                .map(m -> m.addressText().orElseThrow())
                .distinct()
                .collect(Collectors.joining(",", "[", "]"));
        return "drop ip " + addresses + " any <> any any (msg:\"Herd isolation order " + isolation.orderId()
                + "\"; content:\"" + content(isolation.signature()) + "\"; sid:" + sid(isolation.orderId())
                + "; rev:1;)";
    }

    /** The whole file: a header and the rules of the DROP_SIGNATURE isolations among {@code isolations}. */
    public static String render(Collection<Isolation> isolations) {
        StringBuilder out =
                new StringBuilder("# Written by the Herd tenant gateway: DROP_SIGNATURE isolation orders.\n");
        isolations.stream()
                .filter(i -> i.mode() == Mode.DROP_SIGNATURE)
                .forEach(i -> out.append(rule(i)).append('\n'));
        return out.toString();
    }

    /** Writes the file beside its final place; {@link Staged#commit()} puts it there, {@link Staged#discard()} drops it. */
    public Staged stage(Collection<Isolation> isolations) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        Files.writeString(temp, render(isolations), StandardCharsets.UTF_8);
        return new Staged(temp, file);
    }

    /** A rules file written but not yet in place. */
    public record Staged(Path temp, Path file) {

        public void commit() throws IOException {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }

        public void discard() {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // Only a leftover temporary file; the rules in place are unchanged.
            }
        }
    }

    /**
     * The signature as Suricata content: printable ASCII as is, everything else (and the characters content syntax
     * reserves: {@code " ; \ |}) as {@code |hex|} bytes, so no signature can end the rule or add options to it.
     */
    static String content(String signature) {
        StringBuilder out = new StringBuilder();
        StringBuilder hex = new StringBuilder();
        for (byte b : signature.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean plain = c >= 0x20 && c <= 0x7e && "\";\\|".indexOf(c) < 0;
            if (plain) {
                flush(out, hex);
                out.append((char) c);
            } else {
                hex.append(hex.isEmpty() ? "" : " ")
                        .append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
            }
        }
        flush(out, hex);
        return out.toString();
    }

    private static void flush(StringBuilder out, StringBuilder hex) {
        if (!hex.isEmpty()) {
            out.append('|').append(hex).append('|');
            hex.setLength(0);
        }
    }
}
