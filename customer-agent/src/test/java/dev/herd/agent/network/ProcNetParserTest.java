package dev.herd.agent.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcNetParserTest {

    private static final String HEADER =
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";

    @Test
    void tcpKeepsListenAndDropsEstablished() {
        String table = HEADER
                + "   0: 0100007F:3C48 00000000:0000 0A 00000000:00000000 00:00000000 00000000   105        0 261927 1"
                + " 0000000000000000 100 0 0 10 0\n"
                + "   1: 0202000A:0016 0102000A:D431 01 00000000:00000000 02:0005F9D3 00000000     0        0 4242 4"
                + " 0000000000000000 20 4 29 10 -1\n";

        assertEquals(
                List.of(new ListeningSocket("tcp", "127.0.0.1", 15432, 261927, null, null)),
                ProcNetParser.listening("tcp", table));
    }

    @Test
    void tcp6AddressesAreDecodedWordByWord() {
        String table = HEADER
                + "   0: 00000000000000000000000000000000:1F91 00000000000000000000000000000000:0000 0A"
                + " 00000000:00000000 00:00000000 00000000 0 0 287535 1 0000000000000000 100 0 0 10 0\n"
                + "   1: 0000000000000000FFFF00000100007F:AF0B 00000000000000000000000000000000:0000 0A"
                + " 00000000:00000000 00:00000000 00000000 0 0 263202 1 0000000000000000 100 0 0 10 0\n"
                + "   2: 000080FE00000000FF00FC00010000FE:0050 00000000000000000000000000000000:0000 0A"
                + " 00000000:00000000 00:00000000 00000000 0 0 77 1 0000000000000000 100 0 0 10 0\n"
                + "   3: 00000000000000000000000001000000:0050 00000000000000000000000001000000:9C40 01"
                + " 00000000:00000000 00:00000000 00000000 0 0 78 1 0000000000000000 100 0 0 10 0\n";

        assertEquals(
                List.of(
                        new ListeningSocket("tcp6", "::", 8081, 287535, null, null),
                        new ListeningSocket("tcp6", "::ffff:127.0.0.1", 44811, 263202, null, null),
                        new ListeningSocket("tcp6", "fe80::fc:ff:fe00:1", 80, 77, null, null)),
                ProcNetParser.listening("tcp6", table));
    }

    @Test
    void udpListenersAreUnconnectedSocketsWithoutPeer() {
        String table = HEADER
                + "  10: 00000000:0044 00000000:0000 07 00000000:00000000 00:00000000 00000000 0 0 900 2"
                + " 0000000000000000 0\n"
                + "  11: 0100007F:A000 0100007F:0035 01 00000000:00000000 00:00000000 00000000 0 0 901 2"
                + " 0000000000000000 0\n";

        assertEquals(
                List.of(new ListeningSocket("udp", "0.0.0.0", 68, 900, null, null)),
                ProcNetParser.listening("udp", table));
    }

    @Test
    void ifInet6AddressesAreInNetworkOrder() {
        assertEquals("fd00::2", ProcNetParser.ipv6("fd000000000000000000000000000002", false));
        assertEquals("::1", ProcNetParser.ipv6("00000000000000000000000000000001", false));
    }
}
