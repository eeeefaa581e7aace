package dev.herd.portal.version;

import org.junit.jupiter.api.Test;

class RpmVersionOrderTest {

    private final RpmVersionOrder rpm = new RpmVersionOrder();

    @Test
    void casesFromRpmsVercmpTests() {
        // tests/rpmvercmp.at in rpm 4.15+
        OrderCases.assertAll(
                rpm,
                "1.0 = 1.0",
                "1.0 < 2.0",
                "2.0.1 > 2.0",
                "2.0.1a > 2.0.1",
                "5.5p1 < 5.5p2",
                "5.5p10 > 5.5p1",
                "10xyz < 10.1xyz",
                "xyz10 < xyz10.1",
                "xyz.4 < 8",
                "xyz.4 < 2",
                "5.5p2 < 5.6p1",
                "5.6p1 < 6.5p1",
                "6.0.rc1 > 6.0",
                "10b2 > 10a1",
                "10a2 < 10b2",
                "1.0aa = 1.0aa",
                "1.0a < 1.0aa",
                "10.0001 = 10.1",
                "10.0001 < 10.0039",
                "4.999.9 < 5.0",
                "20101121 < 20101122",
                "2_0 = 2.0",
                "a+ = a_",
                "+a = _a",
                "_+ = +_",
                "+ = _");
    }

    @Test
    void tildeIsAPreRelease() {
        OrderCases.assertAll(
                rpm,
                "1.0~rc1 < 1.0",
                "1.0~rc1 < 1.0~rc2",
                "1.0~rc1~git123 < 1.0~rc1",
                "1.0~rc1^git1 > 1.0~rc1",
                "1.0^git1~pre < 1.0^git1");
    }

    @Test
    void caretIsAPostReleaseSnapshotBelowTheNextVersion() {
        OrderCases.assertAll(
                rpm,
                "1.0^ > 1.0",
                "1.0^git1 > 1.0",
                "1.0^git1 < 1.0^git2",
                "1.0^git1 < 1.01",
                "1.0^20160101 < 1.0.1",
                "1.0^20160102 > 1.0^20160101^git1",
                "1.0^20160101^git1 = 1.0^20160101^git1");
    }

    @Test
    void epochVersionRelease() {
        OrderCases.assertAll(
                rpm,
                "1:1.0-1 > 2.0-1",
                "0:1.0-1 = 1.0-1",
                "1.0-1.el9 < 1.0-2.el9",
                "1.0-1.el9_1 > 1.0-1.el9",
                "2.34-60.el9 < 2.34-100.el9",
                "3.0.7-25.el9_3 < 3.0.7-27.el9",
                "1.0 < 1.0-1",
                "1.2.3-4.fc39 < 1.2.10-1.fc39",
                "5.14.0-362.8.1.el9_3 < 5.14.0-362.13.1.el9_3");
    }
}
