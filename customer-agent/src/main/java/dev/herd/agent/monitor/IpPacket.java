package dev.herd.agent.monitor;

import java.util.Arrays;
import java.util.Optional;

/**
 * The fields of an IPv4 or IPv6 packet a monitor record needs: source, destination, protocol ({@code tcp|udp|icmp|
 * other}), destination port (tcp and udp) and length; IPv6 extension headers are not followed (the protocol is then
 * {@code other}).
 */
record IpPacket(String source, String destination, String protocol, Integer port, int length, byte[] bytes) {

    /** Enough bytes for the length an IPv4 or IPv6 header states. */
    static final int MIN_HEADER = 6;

    /** The packet's length as its IP header states it; 0 when the bytes are no IPv4 or IPv6 header (yet). */
    static int statedLength(byte[] bytes) {
        if (bytes.length < MIN_HEADER) {
            return 0;
        }
        return switch (bytes[0] >> 4 & 0xf) {
            case 4 -> unsigned(bytes, 2);
            case 6 -> 40 + unsigned(bytes, 4);
            default -> 0;
        };
    }

    static Optional<IpPacket> parse(byte[] bytes) {
        int version = bytes.length == 0 ? 0 : bytes[0] >> 4 & 0xf;
        int headerLength;
        int protocolNumber;
        byte[] source;
        byte[] destination;
        if (version == 4 && bytes.length >= 20) {
            headerLength = (bytes[0] & 0xf) * 4;
            protocolNumber = bytes[9] & 0xff;
            source = Arrays.copyOfRange(bytes, 12, 16);
            destination = Arrays.copyOfRange(bytes, 16, 20);
        } else if (version == 6 && bytes.length >= 40) {
            headerLength = 40;
            protocolNumber = bytes[6] & 0xff;
            source = Arrays.copyOfRange(bytes, 8, 24);
            destination = Arrays.copyOfRange(bytes, 24, 40);
        } else {
            return Optional.empty();
        }
        if (headerLength < 20) {
            return Optional.empty();
        }
        String protocol = switch (protocolNumber) {
            case 6 -> "tcp";
            case 17, 136 -> "udp";
            case 1, 58 -> "icmp";
            default -> "other";
        };
        Integer port = null;
        if (protocol.equals("tcp") || protocol.equals("udp")) {
            if (bytes.length < headerLength + 4) {
                return Optional.empty();
            }
            port = unsigned(bytes, headerLength + 2);
        }
        return Optional.of(new IpPacket(text(source), text(destination), protocol, port, bytes.length, bytes));
    }

    /** An address as conntrack and {@code ip} write it: dotted IPv4, IPv6 in RFC 5952's short form ({@code ::1}). */
    static String text(byte[] address) {
        if (address.length == 4) {
            return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "."
                    + (address[3] & 0xff);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = unsigned(address, 2 * i);
        }
        int bestStart = -1;
        int bestLength = 1; // a single zero group is not shortened
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!out.isEmpty() && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    private static int unsigned(byte[] bytes, int at) {
        return (bytes[at] & 0xff) << 8 | bytes[at + 1] & 0xff;
    }
}
