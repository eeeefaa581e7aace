package dev.herd.agent.apply.patch;

import dev.herd.agent.process.CommandResult;
import java.util.List;
import java.util.Optional;

/** A machine's package manager as a patch plan needs it; implementations build argument lists, never shell text. */
public interface PackageManager {

    /** {@code apt}, {@code dnf} or {@code apk}, as plans name it. */
    String name();

    /** Asks what installing every {@code package = version} would do, changing nothing. */
    CommandResult simulate(List<PackageVersion> targets);

    /** Installs exactly this version (up or down). */
    CommandResult install(PackageVersion target);

    /** Removes a package (the rollback of a step that installed it new). */
    CommandResult remove(String packageName);

    /** The installed version, or empty when the package is not installed. */
    Optional<String> installedVersion(String packageName);

    /** A package name with the version wanted. */
    record PackageVersion(String packageName, String version) {}
}
