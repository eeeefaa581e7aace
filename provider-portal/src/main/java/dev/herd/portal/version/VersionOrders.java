package dev.herd.portal.version;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Picks the version order of an OSV ecosystem name ({@code Debian:12}, {@code Alpine:v3.19}, {@code PyPI} ...) or of
 * a tool name ({@code dpkg}, {@code rpm}, {@code apk}, {@code pep440}, {@code maven}, {@code semver}). The mapping
 * follows osv.dev's own ({@code osv/ecosystems/_ecosystems.py}).
 */
public final class VersionOrders {

    private static final VersionOrder GENERIC = new GenericVersionOrder();
    private static final VersionOrder DPKG = new DpkgVersionOrder();
    private static final VersionOrder RPM = new RpmVersionOrder();
    private static final VersionOrder APK = new ApkVersionOrder();
    private static final VersionOrder SEMVER = new SemverVersionOrder();
    private static final VersionOrder MAVEN = new MavenVersionOrder();
    private static final VersionOrder PEP440 = new Pep440VersionOrder();

    /** Lower-case ecosystem family (the part before the first {@code :}) or tool name to its order. */
    private static final Map<String, VersionOrder> BY_NAME = new LinkedHashMap<>();

    static {
        names(DPKG, "debian", "ubuntu", "echo", "dpkg", "deb");
        // Oracle Linux is not an OSV ecosystem (schema 1.7); it is accepted because its advisories are RPM EVRs.
        names(
                RPM,
                "red hat",
                "rocky linux",
                "almalinux",
                "opensuse",
                "suse",
                "mageia",
                "openeuler",
                "photon os",
                "azure linux",
                "oracle linux",
                "rpm");
        names(APK, "alpine", "chainguard", "wolfi", "alpaquita", "bellsoft hardened containers", "minimos", "apk");
        names(SEMVER, "npm", "go", "crates.io", "hex", "pub", "swifturl", "bitnami", "julia", "semver", "cargo");
        names(MAVEN, "maven");
        names(PEP440, "pypi", "pep440", "python");
        names(GENERIC, "generic");
    }

    private VersionOrders() {}

    private static void names(VersionOrder order, String... names) {
        for (String name : names) {
            BY_NAME.put(name, order);
        }
    }

    /** The order for an OSV ecosystem; its release suffix ({@code :12}) does not matter. Unknown: the generic one. */
    public static VersionOrder forEcosystem(String ecosystem) {
        return find(ecosystem).orElse(GENERIC);
    }

    /**
     * The order for one OSV range: {@code SEMVER} ranges are semver whatever the ecosystem says (OSV schema
     * "affected[].ranges[].type"); {@code ECOSYSTEM} (and anything else) ranges use the ecosystem's order.
     */
    public static VersionOrder forRange(String ecosystem, String rangeType) {
        return "SEMVER".equalsIgnoreCase(rangeType) ? SEMVER : forEcosystem(ecosystem);
    }

    /** The order for an ecosystem or tool name, case-insensitive, or empty when none is known. */
    public static Optional<VersionOrder> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        int colon = name.indexOf(':');
        String family = (colon < 0 ? name : name.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
        return Optional.ofNullable(BY_NAME.get(family));
    }

    /** Every name {@link #find} knows, lower case. */
    public static Set<String> knownNames() {
        return BY_NAME.keySet();
    }
}
