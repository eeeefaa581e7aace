package dev.herd.agent.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Naming an NFLOG hit after the rules of the signature chain as {@code iptables -S} lists them, or its canary. */
class SignatureCatalogueTest {

    private static final String LISTING = String.join(
            "\n",
            "-P INPUT ACCEPT",
            "-N HERD-SIG",
            "-A INPUT -j HERD-SIG",
            "-A HERD-SIG -p tcp -m tcp --dport 443 -m string --string \"/evil\" --algo bm -m comment --comment"
                    + " \"herd:3 CVE-2024-1\" -j NFLOG --nflog-prefix \"herd:3\" --nflog-group 42",
            "-A HERD-SIG -p tcp -m tcp --dport 443 -m string --string \"/evil\" --algo bm -m comment --comment"
                    + " \"herd:3 CVE-2024-1\" -j DROP",
            "-A HERD-SIG -p udp -m udp --dport 5353 -m string --string \"say \\\"hi\\\"\" --algo bm -m comment"
                    + " --comment \"herd:4 X\" -j DROP",
            "-A HERD-SIG -m string --hex-string \"|00ff10|\" --algo bm -m comment --comment \"herd:5 Y\" -j DROP",
            "-A HERD-SIG -m string --hex-string \"|0|\" --algo bm -m comment --comment \"herd:6 odd hex\" -j DROP",
            "-A HERD-SIG -m string --string \"no label\" --algo bm -j DROP",
            "-A OTHER -m string --string \"/evil\" --algo bm -m comment --comment \"herd:9 X\" -j DROP");

    private final SignatureCatalogue catalogue = SignatureCatalogue.of(LISTING, "HERD-SIG");

    @Test
    void eachRuleOnceWithItsPatternProtocolAndPort() {
        List<SignatureCatalogue.Entry> entries = catalogue.entries();

        assertEquals(
                List.of(3, 4, 5),
                entries.stream().map(SignatureCatalogue.Entry::number).toList());
        assertEquals("/evil", entries.get(0).signature());
        assertEquals("tcp", entries.get(0).protocol());
        assertEquals(443, entries.get(0).port());
        assertEquals("say \"hi\"", entries.get(1).signature(), "iptables' escapes undone");
        assertEquals(null, entries.get(2).protocol());
    }

    @Test
    void aHitIsNamedByTheFirstRuleItMatchesOrItsCanary() {
        assertEquals(Optional.of("/evil"), catalogue.signatureOf(packet("tcp", 443, "GET /evil HTTP/1.0")));
        assertEquals(Optional.empty(), catalogue.signatureOf(packet("tcp", 80, "GET /evil HTTP/1.0")), "other port");
        assertEquals(Optional.of("say \"hi\""), catalogue.signatureOf(packet("udp", 5353, "we say \"hi\"")));
        assertEquals(
                Optional.of(new String(new byte[] {0, (byte) 0xff, 0x10}, java.nio.charset.StandardCharsets.UTF_8)),
                catalogue.signatureOf(new IpPacket("a", "b", "icmp", null, 3, new byte[] {1, 0, (byte) 0xff, 0x10})));
        String canary = "HERD-CANARY-0b6f7a52-8f1e-4a44-9d0c-2f0e5b3c1a99";
        assertEquals(Optional.of(canary), catalogue.signatureOf(packet("tcp", 443, "GET /" + canary + " /evil")));
        assertEquals(Optional.empty(), catalogue.signatureOf(packet("tcp", 443, "GET /HERD-CANARY-short")));
        assertEquals(Optional.empty(), SignatureCatalogue.EMPTY.signatureOf(packet("tcp", 443, "GET /evil")));
    }

    private static IpPacket packet(String protocol, int port, String payload) {
        byte[] bytes = payload.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return new IpPacket("10.0.0.1", "10.0.0.2", protocol, port, bytes.length, bytes);
    }
}
