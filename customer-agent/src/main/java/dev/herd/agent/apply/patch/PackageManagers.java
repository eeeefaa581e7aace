package dev.herd.agent.apply.patch;

import dev.herd.agent.process.ProcessRunner;
import java.util.Optional;

/** The package manager a plan names. */
public final class PackageManagers {

    private PackageManagers() {}

    public static Optional<PackageManager> named(String name, ProcessRunner runner) {
        return Optional.ofNullable(
                switch (name == null ? "" : name) {
                    case "apt" -> new AptPackageManager(runner);
                    case "dnf" -> new DnfPackageManager(runner);
                    case "apk" -> new ApkPackageManager(runner);
                    default -> null;
                });
    }
}
