package dev.herd.agent.system;

import dev.herd.agent.inventory.InstalledPackage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the OS identity below a root: os-release, kernel release, host name; architecture from dpkg when present. */
public final class OsCollector {

    private OsCollector() {}

    public static OsInfo collect(Path root, List<InstalledPackage> packages) {
        String text = read(root.resolve("etc/os-release"));
        Map<String, String> release =
                OsRelease.parse(text != null ? text : orEmpty(read(root.resolve("usr/lib/os-release"))));
        return new OsInfo(
                release.get("ID"),
                release.get("VERSION_ID"),
                release.get("NAME"),
                release.get("PRETTY_NAME"),
                release.get("VERSION_CODENAME"),
                architecture(packages),
                hostname(root),
                read(root.resolve("proc/sys/kernel/osrelease")));
    }

    /** dpkg's own package is built for the native architecture, so its Architecture is dpkg's name for it. */
    static String architecture(List<InstalledPackage> packages) {
        return packages.stream()
                .filter(p -> p.manager().equals("dpkg") && p.name().equals("dpkg"))
                .map(InstalledPackage::architecture)
                .findFirst()
                .orElseGet(() -> switch (System.getProperty("os.arch").toLowerCase(Locale.ROOT)) {
                    case "amd64", "x86_64" -> "amd64";
                    case "aarch64" -> "arm64";
                    default -> System.getProperty("os.arch");
                });
    }

    private static String hostname(Path root) {
        String kernel = read(root.resolve("proc/sys/kernel/hostname"));
        return kernel != null ? kernel : read(root.resolve("etc/hostname"));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    static String read(Path file) {
        try {
            return Files.isReadable(file) ? Files.readString(file).strip() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
