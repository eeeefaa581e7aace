package dev.herd.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds a small machine below a temporary folder: os-release, dpkg status, sysfs and procfs pieces. */
public final class FixtureRoot {

    private FixtureRoot() {}

    public static Path build(Path root) throws IOException {
        write(
                root,
                "etc/os-release",
                "ID=debian\nVERSION_ID=\"12\"\nNAME=\"Debian GNU/Linux\"\n"
                        + "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nVERSION_CODENAME=bookworm\n");
        write(root, "proc/sys/kernel/hostname", "fixture-host\n");
        write(root, "proc/sys/kernel/osrelease", "6.1.0-18-amd64\n");
        write(
                root,
                "var/lib/dpkg/status",
                "Package: dpkg\nStatus: install ok installed\nArchitecture: arm64\n"
                        + "Version: 1.21.22\n\nPackage: libc6\nStatus: install ok installed\nArchitecture: arm64\n"
                        + "Source: glibc\nVersion: 2.36-9+deb12u4\n");
        write(root, "etc/hosts", "127.0.0.1 localhost\n");

        write(
                root,
                "sys/devices/pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host6/target6:0:0/6:0:0:0/block/sdb/size",
                "30031872\n");
        write(
                root,
                "sys/devices/pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host6/target6:0:0/6:0:0:0/block/sdb/removable",
                "1\n");
        write(
                root,
                "sys/devices/pci0000:00/0000:00:17.0/ata1/host0/target0:0:0/0:0:0:0/block/sda/size",
                "1000215216\n");
        write(root, "sys/devices/pci0000:00/0000:00:17.0/ata1/host0/target0:0:0/0:0:0:0/block/sda/removable", "0\n");
        Files.createDirectories(root.resolve("sys/block"));
        Files.createSymbolicLink(
                root.resolve("sys/block/sda"),
                Path.of("../devices/pci0000:00/0000:00:17.0/ata1/host0/target0:0:0/0:0:0:0/block/sda"));
        Files.createSymbolicLink(
                root.resolve("sys/block/sdb"),
                Path.of("../devices/pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host6/target6:0:0/6:0:0:0/block/sdb"));

        write(root, "sys/devices/pci0000:00/0000:00:1f.6/net/eno1/address", "3c:52:82:aa:bb:cc\n");
        write(root, "sys/devices/pci0000:00/0000:00:1f.6/net/eno1/operstate", "up\n");
        Files.createDirectories(root.resolve("sys/bus/pci/drivers/e1000e"));
        Files.createSymbolicLink(
                root.resolve("sys/devices/pci0000:00/0000:00:1f.6/driver"), Path.of("../../../bus/pci/drivers/e1000e"));
        Files.createSymbolicLink(root.resolve("sys/devices/pci0000:00/0000:00:1f.6/net/eno1/device"), Path.of("../.."));
        Files.createDirectories(root.resolve("sys/class/net"));
        Files.createSymbolicLink(
                root.resolve("sys/class/net/eno1"), Path.of("../../devices/pci0000:00/0000:00:1f.6/net/eno1"));
        write(root, "proc/net/if_inet6", "fe800000000000003e5282fffeaabbcc 02 40 20 80     eno1\n");

        write(
                root,
                "proc/net/tcp",
                "  sl  local_address rem_address   st\n"
                        + "   0: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 5150 1 0 100 0\n");
        write(root, "proc/812/comm", "sshd\n");
        Files.createDirectories(root.resolve("proc/812/fd"));
        Files.createSymbolicLink(root.resolve("proc/812/fd/3"), Path.of("socket:[5150]"));
        Files.createDirectories(root.resolve("proc/813/fd"));
        Files.createSymbolicLink(root.resolve("proc/813/fd/0"), Path.of("/dev/null"));
        return root;
    }

    private static void write(Path root, String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
