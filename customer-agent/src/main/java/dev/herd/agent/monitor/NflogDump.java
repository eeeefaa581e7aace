package dev.herd.agent.monitor;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what {@code tcpdump -i nflog:N -tt -nn -l -X} prints, one line at a time, back into the logged packets: a
 * header line starting with the epoch time ({@code 1796686929.000974 IP 10.0.0.1.4 > ...}), then the packet from its
 * IP header on as hex lines ({@code \t0x0010:  7f00 0001 eda3 ...  ascii}). A packet is complete when its bytes reach
 * the length its IP header states (the padding NFLOG adds up to 4 bytes is cut off). A line that is neither, a hex
 * line out of place or of the wrong offset, or a packet cut short by the next header is counted as unreadable and
 * skipped; nothing here throws on input.
 */
final class NflogDump {

    /** The longest packet kept (a jumbo frame); a longer one is skipped as unreadable. */
    static final int MAX_PACKET = 65_535;

    private static final Pattern HEADER = Pattern.compile("^(\\d{1,12}\\.\\d{1,9}) \\S");
    private static final Pattern HEX_LINE = Pattern.compile("^\\s+0x([0-9a-f]{4,8}):  ");
    private static final Pattern GROUP = Pattern.compile("[0-9a-f]{2}|[0-9a-f]{4}");

    /** One packet as logged: when, and its bytes from the IP header on. */
    record Captured(Instant time, byte[] bytes) {}

    private Instant time;
    private ByteArrayOutputStream bytes;
    private boolean lastGroupShort;
    private long unreadable;

    /** Takes the next line; the packet it completes, if any. */
    Optional<Captured> accept(String line) {
        if (line == null || line.length() > 4096) {
            return skipLine();
        }
        Matcher header = HEADER.matcher(line);
        if (header.find()) {
            if (bytes != null) {
                unreadable++; // the previous packet ended short of its IP length
            }
            BigDecimal seconds = new BigDecimal(header.group(1));
            time = Instant.ofEpochSecond(
                    seconds.longValue(),
                    seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
            bytes = new ByteArrayOutputStream();
            lastGroupShort = false;
            return Optional.empty();
        }
        Matcher hex = HEX_LINE.matcher(line);
        if (!hex.find() || bytes == null || lastGroupShort) {
            return skipLine();
        }
        if (Long.parseLong(hex.group(1), 16) != bytes.size()) {
            return dropPacket();
        }
        String area = line.substring(hex.end(), Math.min(line.length(), hex.end() + 39));
        String[] groups = area.strip().split(" +");
        if (groups.length == 0 || groups.length > 8 || groups[0].isEmpty()) {
            return dropPacket();
        }
        for (String group : groups) {
            if (!GROUP.matcher(group).matches() || lastGroupShort) {
                return dropPacket();
            }
            bytes.writeBytes(HexFormat.of().parseHex(group));
            lastGroupShort = group.length() == 2;
        }
        int expected = IpPacket.statedLength(bytes.toByteArray());
        if (expected == 0 && bytes.size() >= IpPacket.MIN_HEADER) {
            return dropPacket(); // not an IP packet
        }
        if (bytes.size() > MAX_PACKET) {
            return dropPacket();
        }
        if (expected > 0 && bytes.size() >= expected) {
            // NFLOG pads the packet to 4 bytes, which tcpdump dumps too: the packet is what its header states
            Captured done = new Captured(time, Arrays.copyOf(bytes.toByteArray(), expected));
            bytes = null;
            return Optional.of(done);
        }
        return Optional.empty();
    }

    /** Lines and packets that could not be read. */
    long unreadable() {
        return unreadable;
    }

    private Optional<Captured> dropPacket() {
        bytes = null;
        return skipLine();
    }

    private Optional<Captured> skipLine() {
        unreadable++;
        return Optional.empty();
    }
}
