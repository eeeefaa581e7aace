package dev.herd.portal.version;

import org.junit.jupiter.api.Test;

class SemverVersionOrderTest {

    private final SemverVersionOrder semver = new SemverVersionOrder();

    @Test
    void precedenceListFromTheSpec() {
        // semver.org 2.0.0, section 11
        OrderCases.assertAll(
                semver,
                "1.0.0 < 2.0.0",
                "2.0.0 < 2.1.0",
                "2.1.0 < 2.1.1",
                "1.0.0-alpha < 1.0.0",
                "1.0.0-alpha < 1.0.0-alpha.1",
                "1.0.0-alpha.1 < 1.0.0-alpha.beta",
                "1.0.0-alpha.beta < 1.0.0-beta",
                "1.0.0-beta < 1.0.0-beta.2",
                "1.0.0-beta.2 < 1.0.0-beta.11",
                "1.0.0-beta.11 < 1.0.0-rc.1",
                "1.0.0-rc.1 < 1.0.0");
    }

    @Test
    void numbersOfAnySizeAndAsciiIdentifiers() {
        OrderCases.assertAll(
                semver,
                "1.9.0 < 1.10.0",
                "1.0.0-2 < 1.0.0-10",
                "1.0.0-1 < 1.0.0-a",
                "1.0.0-A < 1.0.0-a",
                "1.0.0-a-b > 1.0.0-a.b",
                "99999999999999999999.0.0 > 9999999999999999999.0.0",
                "1.0.0-x.7.z.92 > 1.0.0-x.7.z.9");
    }

    @Test
    void buildMetadataIsIgnoredAndLeadingVTolerated() {
        OrderCases.assertAll(
                semver,
                "1.0.0+20130313144700 = 1.0.0",
                "1.0.0-beta+exp.sha.5114f85 = 1.0.0-beta",
                "v1.2.3 = 1.2.3",
                "v1.2.3+incompatible = v1.2.3",
                "v0.0.0-20191109021931-daa7c04131f5 < v0.0.0-20200101000000-000000000000",
                "v0.0.0-20191109021931-daa7c04131f5 < v0.0.1");
    }
}
