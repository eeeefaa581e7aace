package dev.herd.agent.hardware;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads storage and network adapters from sysfs below a root; the resolved device path tells the bus. */
public final class HardwareCollector {

    private static final long SECTOR = 512;

    private HardwareCollector() {}

    public static Hardware collect(Path root) {
        List<BlockDevice> blocks = new ArrayList<>();
        for (Path dir : list(root.resolve("sys/block"))) {
            boolean usb = onUsb(dir);
            String size = read(dir.resolve("size"));
            boolean removable = "1".equals(read(dir.resolve("removable")));
            blocks.add(new BlockDevice(
                    dir.getFileName().toString(),
                    size == null ? 0 : Long.parseLong(size) * SECTOR,
                    removable,
                    usb,
                    usb));
        }
        List<NetworkAdapter> adapters = new ArrayList<>();
        for (Path dir : list(root.resolve("sys/class/net"))) {
            Path device = dir.resolve("device");
            if (Files.exists(device)) {
                adapters.add(new NetworkAdapter(dir.getFileName().toString(), driver(device), onUsb(device)));
            }
        }
        return new Hardware(blocks, adapters, blocks.stream().anyMatch(BlockDevice::usbMassStorage));
    }

    private static boolean onUsb(Path path) {
        try {
            return path.toRealPath().toString().contains("/usb");
        } catch (IOException e) {
            return false;
        }
    }

    private static String driver(Path device) {
        try {
            return Files.readSymbolicLink(device.resolve("driver"))
                    .getFileName()
                    .toString();
        } catch (IOException e) {
            return null;
        }
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String read(Path file) {
        try {
            return Files.isReadable(file) ? Files.readString(file).strip() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
