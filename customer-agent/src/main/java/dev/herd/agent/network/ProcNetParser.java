package dev.herd.agent.network;

import java.util.ArrayList;
import java.util.List;

/** Parses {@code /proc/net/{tcp,tcp6,udp,udp6}}: addresses are hex in host (little-endian) order per 32-bit word. */
public final class ProcNetParser {

    private static final String TCP_LISTEN = "0A";
    private static final String UDP_UNCONNECTED = "07";

    private ProcNetParser() {}

    /** The listening sockets in one table; {@code protocol} is the file name (tcp, tcp6, udp, udp6). */
    public static List<ListeningSocket> listening(String protocol, String table) {
        boolean tcp = protocol.startsWith("tcp");
        List<ListeningSocket> sockets = new ArrayList<>();
        for (String line : table.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length < 10 || !f[0].endsWith(":")) {
                continue;
            }
            String state = f[3];
            // An unconnected UDP socket with no remote peer is the UDP equivalent of a listener (ss -lu).
            boolean listens = tcp ? state.equals(TCP_LISTEN) : state.equals(UDP_UNCONNECTED) && isZero(f[2]);
            if (listens) {
                String[] local = f[1].split(":");
                sockets.add(new ListeningSocket(
                        protocol,
                        decodeAddress(local[0]),
                        Integer.parseInt(local[1], 16),
                        Long.parseLong(f[9]),
                        null,
                        null));
            }
        }
        return sockets;
    }

    static String decodeAddress(String hex) {
        if (hex.length() == 8) {
            long v = Long.parseLong(hex, 16);
            return (v & 0xff) + "." + ((v >> 8) & 0xff) + "." + ((v >> 16) & 0xff) + "." + ((v >> 24) & 0xff);
        }
        return ipv6(hex, true);
    }

    /** Formats 32 hex digits as an IPv6 address; {@code wordSwapped} when each 32-bit word is little-endian. */
    static String ipv6(String hex, boolean wordSwapped) {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 16; i++) {
            int source = wordSwapped ? (i / 4) * 4 + (3 - i % 4) : i;
            bytes[i] = (byte) Integer.parseInt(hex.substring(source * 2, source * 2 + 2), 16);
        }
        return Ipv6Text.format(bytes);
    }

    private static boolean isZero(String hexAddressAndPort) {
        return hexAddressAndPort.chars().allMatch(c -> c == '0' || c == ':');
    }
}
