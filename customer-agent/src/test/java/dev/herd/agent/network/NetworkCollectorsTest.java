package dev.herd.agent.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herd.agent.FixtureRoot;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkCollectorsTest {

    @TempDir
    Path root;

    @Test
    void interfacesComeFromSysfsWithIpv6FromIfInet6() throws Exception {
        FixtureRoot.build(root);

        assertEquals(
                List.of(new NetworkInterfaceInfo(
                        "eno1", "3c:52:82:aa:bb:cc", "up", List.of(), List.of("fe80::3e52:82ff:feaa:bbcc/64"))),
                InterfaceCollector.collect(root));
    }

    @Test
    void listeningSocketIsOwnedByTheProcessHoldingItsInode() throws Exception {
        FixtureRoot.build(root);

        assertEquals(
                List.of(new ListeningSocket("tcp", "0.0.0.0", 22, 5150, 812, "sshd")),
                ListeningCollector.collect(root));
    }

    @Test
    void thisMachineLoopbackHasItsIpv4Address() {
        List<NetworkInterfaceInfo> live = InterfaceCollector.collect(Path.of("/"));
        NetworkInterfaceInfo lo = live.stream()
                .filter(i -> i.name().equals("lo"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no lo in " + live));
        assertTrue(lo.ipv4().contains("127.0.0.1/8"), lo.toString());
    }
}
