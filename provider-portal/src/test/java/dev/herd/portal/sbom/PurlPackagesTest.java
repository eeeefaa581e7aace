package dev.herd.portal.sbom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** SBOM purls named as the hub names vendor CSAF products (PurlEcosystems): the same ecosystem, name and version. */
class PurlPackagesTest {

    @Test
    void languagePackagesAreNamedAsOsvNamesThem() {
        assertEquals(
                new SbomComponent(
                        "Maven",
                        "org.apache.logging.log4j:log4j-core",
                        "2.14.1",
                        "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"),
                PurlPackages.of("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1")
                        .orElseThrow());
        // PEP 503 names, as the hub writes a CSAF product's PyPI name
        assertEquals(
                "pyyaml-include",
                PurlPackages.of("pkg:pypi/PyYAML_Include@1.3").orElseThrow().name());
        assertEquals(
                "@babel/core",
                PurlPackages.of("pkg:npm/%40babel/core@7.22.0").orElseThrow().name());
        // OSV writes Go module versions without the v
        assertEquals(
                "1.9.1",
                PurlPackages.of("pkg:golang/github.com/gin-gonic/gin@v1.9.1")
                        .orElseThrow()
                        .version());
    }

    @Test
    void distributionPackagesNoVersionAndBadPurlsAreLeftOut() {
        assertTrue(PurlPackages.of("pkg:deb/debian/openssl@3.0.11-1?distro=debian-12")
                .isEmpty());
        assertTrue(PurlPackages.of("pkg:maven/org.example/app").isEmpty());
        assertTrue(PurlPackages.of("not a purl").isEmpty());
        assertTrue(PurlPackages.of(" ").isEmpty());
    }
}
