package dev.herd.portal.sbom;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.herd.contracts.purl.PurlEcosystems;
import java.util.Optional;

/**
 * Package URLs (purl spec) to the packages OSV advisories name, through the {@link PurlEcosystems} the hub reads vendor
 * CSAF product trees with, so that an SBOM component and a CSAF product name a package alike. Language ecosystems
 * only: distribution packages (deb, rpm, apk) are left to the agents' inventories, whose names and releases they take
 * from the machine.
 */
public final class PurlPackages {

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
        String version = PurlEcosystems.version(parsed);
        if (version == null || version.isBlank()) {
            return Optional.empty();
        }
        return PurlEcosystems.identifyLanguagePackage(parsed)
                .map(identity -> new SbomComponent(identity.ecosystem(), identity.name(), version, purl.strip()));
    }
}
