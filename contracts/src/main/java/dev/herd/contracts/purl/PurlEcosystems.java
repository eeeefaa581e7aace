package dev.herd.contracts.purl;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a package URL into the OSV ecosystem and package name Herd's advisories use, following OSV's own purl
 * conventions ({@code pkg:maven/g/a} is {@code Maven} {@code g:a}, {@code pkg:deb/debian/x?distro=debian-12} is
 * {@code Debian:12} {@code x}). A purl type without an OSV ecosystem the platform matches gives nothing. The hub reads
 * vendor CSAF product trees with it and the portal SBOM components, so both name a package the same way.
 */
public final class PurlEcosystems {

    /** Language ecosystems: purl type to OSV ecosystem. */
    private static final Map<String, String> LANGUAGE = Map.ofEntries(
            Map.entry("npm", "npm"),
            Map.entry("maven", "Maven"),
            Map.entry("pypi", "PyPI"),
            Map.entry("golang", "Go"),
            Map.entry("cargo", "crates.io"),
            Map.entry("gem", "RubyGems"),
            Map.entry("nuget", "NuGet"),
            Map.entry("composer", "Packagist"),
            Map.entry("hex", "Hex"),
            Map.entry("pub", "Pub"),
            Map.entry("hackage", "Hackage"),
            Map.entry("cran", "CRAN"),
            Map.entry("cocoapods", "CocoaPods"),
            Map.entry("swift", "SwiftURL"));

    /** Distribution packages: purl type and namespace to the OSV ecosystem's distribution. */
    private static final Map<String, String> DISTRIBUTION = Map.ofEntries(
            Map.entry("deb/debian", "Debian"),
            Map.entry("deb/ubuntu", "Ubuntu"),
            Map.entry("rpm/redhat", "Red Hat"),
            Map.entry("rpm/rocky", "Rocky Linux"),
            Map.entry("rpm/almalinux", "AlmaLinux"),
            Map.entry("rpm/opensuse", "openSUSE"),
            Map.entry("rpm/suse", "SUSE"),
            Map.entry("apk/alpine", "Alpine"),
            Map.entry("apk/wolfi", "Wolfi"),
            Map.entry("apk/chainguard", "Chainguard"));

    /** Release code names in {@code distro} qualifiers, e.g. {@code ?distro=bookworm}. */
    private static final Map<String, String> CODE_NAMES = Map.ofEntries(
            Map.entry("stretch", "9"),
            Map.entry("buster", "10"),
            Map.entry("bullseye", "11"),
            Map.entry("bookworm", "12"),
            Map.entry("trixie", "13"),
            Map.entry("bionic", "18.04"),
            Map.entry("focal", "20.04"),
            Map.entry("jammy", "22.04"),
            Map.entry("noble", "24.04"));

    private static final Pattern RELEASE = Pattern.compile("(?:^|-)([0-9]+(?:\\.[0-9]+)*)$");

    private PurlEcosystems() {}

    /** The package a purl names, or empty if its type has no OSV ecosystem the platform matches. */
    public static Optional<PackageIdentity> identify(PackageURL purl) {
        return identifyLanguagePackage(purl).or(() -> distributionPackage(purl));
    }

    /** As {@link #identify}, for language ecosystems only (Maven, npm, PyPI …), not distribution packages. */
    public static Optional<PackageIdentity> identifyLanguagePackage(PackageURL purl) {
        String type = purl.getType().toLowerCase(Locale.ROOT);
        String language = LANGUAGE.get(type);
        return language == null
                ? Optional.empty()
                : Optional.of(new PackageIdentity(
                        language, languageName(type, purl.getNamespace(), purl.getName()), base(purl)));
    }

    private static Optional<PackageIdentity> distributionPackage(PackageURL purl) {
        String namespace = purl.getNamespace();
        if (namespace == null) {
            return Optional.empty();
        }
        String type = purl.getType().toLowerCase(Locale.ROOT);
        String distribution = DISTRIBUTION.get(type + "/" + namespace.toLowerCase(Locale.ROOT));
        if (distribution == null) {
            return Optional.empty();
        }
        String ecosystem = release(distribution, qualifier(purl, "distro"))
                .map(release -> distribution + ":" + release)
                .orElse(distribution);
        return Optional.of(new PackageIdentity(ecosystem, purl.getName(), base(purl)));
    }

    /**
     * The version a purl names as its ecosystem writes it, or null: an RPM epoch qualifier goes in front, and a Go
     * module's leading v goes (OSV writes {@code 1.9.1} where Go writes {@code v1.9.1}).
     */
    public static String version(PackageURL purl) {
        String version = purl.getVersion();
        if (version != null && "golang".equalsIgnoreCase(purl.getType()) && version.matches("v[0-9].*")) {
            return version.substring(1);
        }
        String epoch = qualifier(purl, "epoch");
        if (version != null && epoch != null && "rpm".equalsIgnoreCase(purl.getType()) && !version.contains(":")) {
            return epoch + ":" + version;
        }
        return version;
    }

    private static String languageName(String type, String namespace, String name) {
        return switch (type) {
            case "maven" -> namespace == null ? name : namespace + ":" + name;
            // PEP 503: PyPI compares names lower case with runs of -, _ and . as one -.
            case "pypi" -> name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
            default -> namespace == null ? name : namespace + "/" + name;
        };
    }

    /** The release part of the ecosystem from a {@code distro} qualifier ({@code debian-12}, {@code alpine-3.19}). */
    private static Optional<String> release(String distribution, String distro) {
        if (distro == null) {
            return Optional.empty();
        }
        String lower = distro.toLowerCase(Locale.ROOT);
        if (CODE_NAMES.containsKey(lower)) {
            return Optional.of(CODE_NAMES.get(lower));
        }
        Matcher matcher = RELEASE.matcher(lower);
        if (!matcher.find()) {
            return Optional.empty();
        }
        String[] parts = matcher.group(1).split("\\.");
        return Optional.of(
                switch (distribution) {
                    case "Alpine" -> parts.length >= 2 ? "v" + parts[0] + "." + parts[1] : "v" + parts[0];
                    case "Red Hat", "Rocky Linux", "AlmaLinux" -> parts[0];
                    default -> matcher.group(1);
                });
    }

    private static String qualifier(PackageURL purl, String key) {
        Map<String, String> qualifiers = purl.getQualifiers();
        return qualifiers == null ? null : qualifiers.get(key);
    }

    /** The purl without version, qualifiers and subpath: what names the package whatever its version. */
    private static String base(PackageURL purl) {
        try {
            return new PackageURL(purl.getType(), purl.getNamespace(), purl.getName(), null, null, null).canonicalize();
        } catch (MalformedPackageURLException e) {
            // Its parts come from a purl that parsed; they cannot be malformed now.
            throw new IllegalStateException(e);
        }
    }
}
