package dev.herd.agent.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HardwareCollectorTest {

    @TempDir
    Path root;

    @Test
    void sysfsBlockDevicesGiveSizeRemovableAndUsb() throws Exception {
        dev.herd.agent.FixtureRoot.build(root);

        Hardware hardware = HardwareCollector.collect(root);

        assertEquals(
                List.of(
                        new BlockDevice("sda", 1000215216L * 512, false, false, false),
                        new BlockDevice("sdb", 30031872L * 512, true, true, true)),
                hardware.blockDevices());
        assertTrue(hardware.usbMassStorage());
        assertEquals(List.of(new NetworkAdapter("eno1", "e1000e", false)), hardware.networkAdapters());
    }
}
