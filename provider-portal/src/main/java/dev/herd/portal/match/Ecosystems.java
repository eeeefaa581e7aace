package dev.herd.portal.match;

import java.util.Locale;

/**
 * OSV ecosystem names for machines and advisories: a machine's os-release ({@code debian} / {@code 12}) becomes the
 * ecosystem its packages belong to ({@code Debian:12}), and advisory ecosystems are normalised so that the release
 * scopes the match ({@code Debian:12} is not {@code Debian:11}; {@code Ubuntu:22.04:LTS} is {@code Ubuntu:22.04}).
 */
public final class Ecosystems {

    private Ecosystems() {}

    /** The ecosystem of a machine's distribution packages, or null when Herd cannot name it. */
    public static String ofMachine(String osId, String osVersion) {
        if (osId == null || osId.isBlank()) {
            return null;
        }
        String id = osId.strip().toLowerCase(Locale.ROOT);
        String version = osVersion == null ? "" : osVersion.strip();
        return switch (id) {
            case "debian" -> withRelease("Debian", version);
            case "ubuntu" -> withRelease("Ubuntu", version);
            case "alpine" -> withRelease("Alpine", alpineBranch(version));
            case "rhel" -> withRelease("Red Hat", majorOf(version));
            case "rocky" -> withRelease("Rocky Linux", majorOf(version));
            case "almalinux" -> withRelease("AlmaLinux", majorOf(version));
            case "opensuse-leap", "opensuse" -> withRelease("openSUSE", version);
            case "sles", "sled" -> withRelease("SUSE", version);
            case "wolfi" -> "Wolfi";
            case "chainguard" -> "Chainguard";
            default -> null;
        };
    }

    /**
     * An advisory's ecosystem in the form machines get: distribution and release only ({@code Ubuntu:22.04:LTS} →
     * {@code Ubuntu:22.04}), trimmed.
     */
    public static String normalise(String ecosystem) {
        if (ecosystem == null) {
            return "";
        }
        String[] parts = ecosystem.strip().split(":");
        return parts.length <= 1 ? parts[0] : parts[0] + ":" + parts[1];
    }

    /** The distribution part of an ecosystem name ({@code Debian:12} → {@code Debian}). */
    public static String family(String ecosystem) {
        int colon = ecosystem.indexOf(':');
        return colon < 0 ? ecosystem : ecosystem.substring(0, colon);
    }

    /**
     * Whether packages are matched by their source package: Debian and Ubuntu advisories (and Alpine's, by origin)
     * name source packages, not the binaries built from them.
     */
    public static boolean matchesBySource(String ecosystem) {
        String family = family(ecosystem);
        return family.equals("Debian") || family.equals("Ubuntu") || family.equals("Alpine");
    }

    private static String withRelease(String distribution, String release) {
        return release.isEmpty() ? distribution : distribution + ":" + release;
    }

    private static String alpineBranch(String version) {
        String[] parts = version.split("\\.");
        return parts.length >= 2 ? "v" + parts[0] + "." + parts[1] : version;
    }

    private static String majorOf(String version) {
        int dot = version.indexOf('.');
        return dot < 0 ? version : version.substring(0, dot);
    }
}
