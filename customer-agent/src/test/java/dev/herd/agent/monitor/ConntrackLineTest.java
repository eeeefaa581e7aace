package dev.herd.agent.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConntrackLineTest {

    @Test
    void aNewTcpConnectionIsAFlowInItsOriginalDirection() {
        Optional<Flow> flow = ConntrackLine.parse("[1796609739.211407]\t    [NEW] tcp      6 120 SYN_SENT src=10.0.0.5"
                + " dst=10.0.0.7 sport=34112 dport=443 [UNREPLIED] src=10.0.0.7 dst=10.0.0.5 sport=443 dport=34112"
                + " id=3287504385");

        assertEquals(Optional.of(new Flow("2026-12-07T02:15:39.211407Z", "10.0.0.5", "10.0.0.7", "tcp", 443, 0)), flow);
    }

    @Test
    void udpIcmpAndIpv6AreFlowsToo() {
        assertEquals(
                "udp",
                ConntrackLine.parse(
                                "[1796609739.817159]\t    [NEW] udp      17 30 src=127.0.0.1 dst=127.0.0.1"
                                        + " sport=59322 dport=9999 [UNREPLIED] src=127.0.0.1 dst=127.0.0.1 sport=9999 dport=59322")
                        .orElseThrow()
                        .protocol());
        Flow ping = ConntrackLine.parse("[1796609740.000001]\t    [NEW] icmpv6   58 30 src=2001:db8::1 dst=2001:db8::2"
                        + " type=128 code=0 id=7 [UNREPLIED] src=2001:db8::2 dst=2001:db8::1 type=129 code=0 id=7")
                .orElseThrow();
        assertEquals(new Flow("2026-12-07T02:15:40.000001Z", "2001:db8::1", "2001:db8::2", "icmp", null, 0), ping);
    }

    @Test
    void malformedLinesAndOtherEventsAreNoFlow() {
        for (String line : List.of(
                "",
                "garbage",
                "[1796609739.2]\t [UPDATE] tcp 6 60 SYN_RECV src=10.0.0.5 dst=10.0.0.7 sport=1 dport=2",
                "[1796609739.2]\t [DESTROY] tcp 6 src=10.0.0.5 dst=10.0.0.7 sport=1 dport=2",
                "[1796609739.2]\t [NEW] tcp 6 120 SYN_SENT src=10.0.0.5 dst=10.0.0.7",
                "[1796609739.2]\t [NEW] tcp 6 120 SYN_SENT src=10.0.0.5 dst=10.0.0.7 sport=1 dport=99999",
                "[1796609739.2]\t [NEW] tcp 6 120 SYN_SENT src=not-an-ip dst=10.0.0.7 sport=1 dport=2",
                "[x]\t [NEW] tcp 6 120 SYN_SENT src=10.0.0.5 dst=10.0.0.7 sport=1 dport=2",
                "[1796609739.2]\t [NEW] tcp 6 120 SYN_SENT src=10.0.0.5 dst=10.0.0.7 sport=1 dport=2"
                        + "x".repeat(5000))) {
            assertTrue(ConntrackLine.parse(line).isEmpty(), line);
        }
    }

    @Test
    void theFeedKeepsTheNewestFlowsWhenFullAndCountsWhatItCouldNotRead() {
        FlowQueue queue = new FlowQueue();
        ConntrackFeed feed = new ConntrackFeed(List.of("conntrack"), queue);
        String line = "[1796609739.211407]\t [NEW] udp 17 30 src=10.0.0.5 dst=10.0.0.7 sport=1 dport=%d";
        for (int i = 0; i < FlowQueue.MAX_WAITING + 3; i++) {
            feed.add(line.formatted(i % 65536));
        }
        feed.add("not a conntrack line");

        assertEquals(3, queue.dropped());
        assertEquals(1, feed.unreadable());
        assertEquals(3, queue.take(1).getFirst().port(), "the three oldest went");
    }
}
