package dev.herd.portal.sbom;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Package URLs (purl spec) to the packages OSV advisories name: the ecosystem ({@code pkg:maven} is {@code Maven})
 * and the package name written as OSV writes it ({@code group:artifact} for Maven, {@code @scope/name} for npm,
 * {@code namespace/name} for Go and Composer). Distribution packages (deb, rpm, apk) are left to the agents'
 * inventories, whose names and releases they take from the machine.
 */
public final class PurlPackages {

    /** purl type to OSV ecosystem (osv.dev's purl mapping, {@code osv/purl_helpers.py}). */
    private static final Map<String, String> ECOSYSTEMS = Map.ofEntries(
            Map.entry("maven", "Maven"),
            Map.entry("npm", "npm"),
            Map.entry("pypi", "PyPI"),
            Map.entry("golang", "Go"),
            Map.entry("cargo", "crates.io"),
            Map.entry("nuget", "NuGet"),
            Map.entry("gem", "RubyGems"),
            Map.entry("composer", "Packagist"),
            Map.entry("hex", "Hex"),
            Map.entry("pub", "Pub"),
            Map.entry("cocoapods", "CocoaPods"),
            Map.entry("swift", "SwiftURL"));

    private PurlPackages() {}

    /** The component a purl names, or empty when it is no purl, names no version or an ecosystem Herd does not match. */
    public static Optional<SbomComponent> of(String purl) {
        if (purl == null || purl.isBlank()) {
            return Optional.empty();
        }
        PackageURL parsed;
        try {
            parsed = new PackageURL(purl.strip());
        } catch (MalformedPackageURLException | RuntimeException e) {
            return Optional.empty();
        }
        String ecosystem = ECOSYSTEMS.get(parsed.getType().toLowerCase(Locale.ROOT));
        String version = parsed.getVersion();
        if (ecosystem == null || version == null || version.isBlank()) {
            return Optional.empty();
        }
        String namespace = parsed.getNamespace();
        String name = switch (ecosystem) {
            case "Maven" -> namespace == null ? parsed.getName() : namespace + ":" + parsed.getName();
            case "npm", "Go", "Packagist", "SwiftURL" ->
                namespace == null ? parsed.getName() : namespace + "/" + parsed.getName();
            default -> parsed.getName();
        };
        if (ecosystem.equals("Go") && version.startsWith("v")) {
            version = version.substring(1); // OSV writes Go module versions without the v
        }
        return Optional.of(new SbomComponent(ecosystem, name, version, purl.strip()));
    }
}
