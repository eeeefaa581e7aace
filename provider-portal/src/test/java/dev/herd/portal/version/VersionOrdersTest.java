package dev.herd.portal.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VersionOrdersTest {

    @Test
    void osvEcosystemNamesPickTheirTool() {
        assertEquals("dpkg", VersionOrders.forEcosystem("Debian:12").name());
        assertEquals("dpkg", VersionOrders.forEcosystem("Ubuntu:22.04:LTS").name());
        assertEquals(
                "rpm",
                VersionOrders.forEcosystem("Red Hat:enterprise_linux:9::appstream")
                        .name());
        assertEquals("rpm", VersionOrders.forEcosystem("Rocky Linux:9").name());
        assertEquals("rpm", VersionOrders.forEcosystem("openSUSE:Leap 15.5").name());
        assertEquals("rpm", VersionOrders.forEcosystem("Photon OS:5.0").name());
        assertEquals("rpm", VersionOrders.forEcosystem("Azure Linux:3").name());
        assertEquals("apk", VersionOrders.forEcosystem("Alpine:v3.19").name());
        assertEquals("apk", VersionOrders.forEcosystem("Wolfi").name());
        assertEquals("apk", VersionOrders.forEcosystem("Chainguard").name());
        assertEquals("semver", VersionOrders.forEcosystem("npm").name());
        assertEquals("semver", VersionOrders.forEcosystem("Go").name());
        assertEquals("semver", VersionOrders.forEcosystem("crates.io").name());
        assertEquals("maven", VersionOrders.forEcosystem("Maven").name());
        assertEquals("pep440", VersionOrders.forEcosystem("PyPI").name());
        assertEquals("generic", VersionOrders.forEcosystem("RubyGems").name());
        assertEquals("generic", VersionOrders.forEcosystem(null).name());
    }

    @Test
    void semverRangesAreSemverWhateverTheEcosystem() {
        assertEquals("semver", VersionOrders.forRange("PyPI", "SEMVER").name());
        assertEquals("pep440", VersionOrders.forRange("PyPI", "ECOSYSTEM").name());
        assertEquals("dpkg", VersionOrders.forRange("Debian:12", "ECOSYSTEM").name());
    }

    @Test
    void toolNamesAreKnownAndUnknownNamesAreNot() {
        assertEquals("dpkg", VersionOrders.find("DPKG").orElseThrow().name());
        assertEquals("rpm", VersionOrders.find("rpm").orElseThrow().name());
        assertTrue(VersionOrders.find("cobol").isEmpty());
    }
}
