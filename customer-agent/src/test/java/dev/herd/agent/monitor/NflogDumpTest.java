package dev.herd.agent.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** tcpdump's hex dump of an NFLOG group, as this Debian's tcpdump 4.99 prints it, read back into packets. */
class NflogDumpTest {

    /** A UDP packet to 127.0.0.1:5353 carrying "hello CANARY-1 xxx...", as logged (63 bytes). */
    static final List<String> UDP_V4 = List.of(
            "1796686929.000974 IP 127.0.0.1.60835 > 127.0.0.1.5353: 26725 updateMA [b2&3=0x6c6c] [|domain]",
            "\t0x0000:  4500 003f ebea 4000 4011 50c1 7f00 0001  E..?..@.@.P.....",
            "\t0x0010:  7f00 0001 eda3 14e9 002b fe3e 6865 6c6c  .........+.>hell",
            "\t0x0020:  6f20 4341 4e41 5259 2d31 2078 7878 7878  o.CANARY-1.xxxxx",
            "\t0x0030:  7878 7878 7878 7878 7878 7878 7878 7800  xxxxxxxxxxxxxxx.");

    /** A UDP packet to [::1]:9999 carrying "CANARY-6 xyz" (60 bytes). */
    static final List<String> UDP_V6 = List.of(
            "1796686929.001210 IP6 ::1.47410 > ::1.9999: UDP, length 12",
            "\t0x0000:  600e b8e3 0014 1140 0000 0000 0000 0000  `......@........",
            "\t0x0010:  0000 0000 0000 0001 0000 0000 0000 0000  ................",
            "\t0x0020:  0000 0000 0000 0001 b932 270f 0014 0027  .........2'....'",
            "\t0x0030:  4341 4e41 5259 2d36 2078 797a            CANARY-6.xyz");

    @Test
    void packetsAreReadWholeWithTheirTimeAndFields() {
        NflogDump dump = new NflogDump();

        List<NflogDump.Captured> packets = feed(dump, UDP_V4, UDP_V6);

        assertEquals(2, packets.size());
        assertEquals(
                Instant.parse("2026-12-07T23:42:09.000974Z"), packets.get(0).time());
        assertEquals(63, packets.get(0).bytes().length);
        IpPacket v4 = IpPacket.parse(packets.get(0).bytes()).orElseThrow();
        assertEquals("127.0.0.1", v4.source());
        assertEquals("127.0.0.1", v4.destination());
        assertEquals("udp", v4.protocol());
        assertEquals(5353, v4.port());
        assertEquals(63, v4.length());
        IpPacket v6 = IpPacket.parse(packets.get(1).bytes()).orElseThrow();
        assertEquals("::1", v6.destination());
        assertEquals("udp", v6.protocol());
        assertEquals(9999, v6.port());
        assertEquals(60, v6.length());
        assertEquals(0, dump.unreadable());
    }

    @Test
    void malformedLinesAreCountedAndSkippedAndTheNextPacketIsStillRead() {
        NflogDump dump = new NflogDump();
        List<String> bad = List.of(
                "garbage",
                "\t0x0000:  4500 003f ebea 4000 4011 50c1 7f00 0001  hex before any header",
                "1796686929.5 IP 10.0.0.1 > 10.0.0.2: a packet whose hex skips an offset",
                "\t0x0010:  7f00 0001 eda3 14e9 002b fe3e 6865 6c6c  .........+.>hell",
                "1796686929.6 IP 10.0.0.1 > 10.0.0.2: a packet with a group that is no hex",
                "\t0x0000:  4500 zz3f ebea 4000 4011 50c1 7f00 0001  E..?..@.@.P.....",
                "1796686929.7 IP 10.0.0.1 > 10.0.0.2: a packet cut short by the next header",
                "\t0x0000:  4500 003f ebea 4000 4011 50c1 7f00 0001  E..?..@.@.P.....",
                "1796686929.8 ARP, no IP packet at all",
                "\t0x0000:  0001 0800 0604 0001 0242 ac11 0002 ac11  .........B......",
                "x".repeat(5000));

        List<NflogDump.Captured> packets = feed(dump, bad, UDP_V4);

        assertEquals(1, packets.size(), "only the good packet");
        assertEquals(63, packets.getFirst().bytes().length);
        assertEquals(7, dump.unreadable());
        assertTrue(IpPacket.parse(new byte[] {0x45, 0}).isEmpty(), "too short for an IPv4 header");
        assertTrue(IpPacket.parse(new byte[0]).isEmpty());
    }

    @Test
    void addressesAreWrittenAsConntrackWritesThem() {
        assertEquals("10.0.0.255", IpPacket.text(new byte[] {10, 0, 0, (byte) 255}));
        assertEquals("2001:db8::1", IpPacket.text(v6(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1)));
        assertEquals("2001:db8:0:1:1:1:1:1", IpPacket.text(v6(0x2001, 0xdb8, 0, 1, 1, 1, 1, 1)), "one zero stays");
        assertEquals("2001:0:0:1::1", IpPacket.text(v6(0x2001, 0, 0, 1, 0, 0, 0, 1)), "the longest run goes");
        assertEquals("::", IpPacket.text(new byte[16]));
        assertEquals("fe80::", IpPacket.text(v6(0xfe80, 0, 0, 0, 0, 0, 0, 0)));
    }

    private static byte[] v6(int... groups) {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[2 * i] = (byte) (groups[i] >> 8);
            bytes[2 * i + 1] = (byte) groups[i];
        }
        return bytes;
    }

    @SafeVarargs
    private static List<NflogDump.Captured> feed(NflogDump dump, List<String>... parts) {
        List<NflogDump.Captured> packets = new ArrayList<>();
        for (List<String> lines : parts) {
            for (String line : lines) {
                Optional<NflogDump.Captured> packet = dump.accept(line);
                packet.ifPresent(packets::add);
            }
        }
        return packets;
    }
}
