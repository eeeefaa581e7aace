package dev.herd.hub.csaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.packageurl.PackageURL;
import dev.herd.contracts.purl.PackageIdentity;
import dev.herd.contracts.purl.PurlEcosystems;
import dev.herd.hub.advisory.RangeEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** vers strings read and turned into OSV events, and purls turned into OSV ecosystems and names. */
class VersToOsvTest {

    @Test
    void intervalsBecomeIntroducedFixedAndLastAffected() {
        VersToOsv.Conversion conversion =
                VersToOsv.convert(VersRange.parse("vers:npm/<1.0.1|>=2.0.0|<=2.3.0|=3.1.0|>=4.0.0"));

        assertEquals(
                List.of(
                        new RangeEvent("0", null, null, null),
                        new RangeEvent(null, "1.0.1", null, null),
                        new RangeEvent("2.0.0", null, null, null),
                        new RangeEvent(null, null, "2.3.0", null),
                        new RangeEvent("4.0.0", null, null, null)),
                conversion.range().events());
        assertEquals("ECOSYSTEM", conversion.range().type());
        assertEquals(List.of("3.1.0"), conversion.versions());
        assertEquals(
                "SEMVER",
                VersToOsv.convert(VersRange.parse("vers:semver/*")).range().type());
        assertEquals(
                "1.0+build",
                VersRange.parse("vers:generic/1.0%2Bbuild").constraints().get(0).version());
    }

    @Test
    void exclusiveLowerBoundsAndHolesAreNotApproximated() {
        assertNull(VersToOsv.convert(VersRange.parse("vers:npm/>1.0|<2.0")).range());
        assertEquals(
                "'!=1.5' has no OSV range event",
                VersToOsv.convert(VersRange.parse("vers:npm/>=1.0|!=1.5|<2.0")).unsupported());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "vers:",
                "vers:npm",
                "vers:npm/",
                "vers:npm/>=",
                "vers:npm/>=1.0||<2",
                "vers:/1.0",
                "vers:npm/>>1.0",
                "vers:npm/1.0%zz",
                "npm/>=1.0"
            })
    void malformedVersIsRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> VersRange.parse(text));
    }

    @ParameterizedTest
    @CsvSource({
        "pkg:npm/%40babel/core@7.0.0, npm, @babel/core",
        "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1, Maven, org.apache.logging.log4j:log4j-core",
        "pkg:pypi/Django_Rest.Framework, PyPI, django-rest-framework",
        "pkg:golang/github.com/gin-gonic/gin, Go, github.com/gin-gonic/gin",
        "pkg:deb/debian/openssl?distro=debian-12, Debian:12, openssl",
        "pkg:deb/debian/openssl?distro=bookworm, Debian:12, openssl",
        "pkg:deb/ubuntu/openssl, Ubuntu, openssl",
        "pkg:apk/alpine/busybox?distro=alpine-3.19.1, Alpine:v3.19, busybox",
        "pkg:rpm/redhat/openssl?distro=rhel-8.6, Red Hat:8, openssl"
    })
    void purlsNameOsvPackages(String purl, String ecosystem, String name) throws Exception {
        PackageIdentity identity = PurlEcosystems.identify(new PackageURL(purl)).orElseThrow();

        assertEquals(ecosystem, identity.ecosystem());
        assertEquals(name, identity.name());
    }

    @Test
    void purlsWithoutAMatchedEcosystemNameNothing() throws Exception {
        assertEquals(
                true,
                PurlEcosystems.identify(new PackageURL("pkg:generic/openssl@3.0"))
                        .isEmpty());
        assertEquals(
                true,
                PurlEcosystems.identify(new PackageURL("pkg:deb/unknown/x@1")).isEmpty());
        assertEquals(
                "1:1.1.1k-5.el8",
                PurlEcosystems.version(new PackageURL("pkg:rpm/redhat/openssl@1.1.1k-5.el8?epoch=1")));
    }
}
