package dev.herd.portal.version;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DpkgVersionOrderTest {

    private final DpkgVersionOrder dpkg = new DpkgVersionOrder();

    @Test
    void missingRevisionIsZeroAndOlderThanAnyOther() {
        // io.github.nscuro:versatile 0.7.0 throws a NullPointerException here.
        assertTrue(dpkg.compare("29", "29-2") < 0);
        OrderCases.assertAll(dpkg, "29 < 29-2", "1.0 = 1.0-0", "1.0 < 1.0-1", "1.0-0 = 1.0", "0:1.0 = 1.0-0");
    }

    @Test
    void epochsDecideFirst() {
        OrderCases.assertAll(
                dpkg,
                "1:0.1 > 9.9",
                "0:1.0 = 1.0",
                "1:1.0 < 2:0.1",
                "10:1 > 9:1",
                "1:2.0-1 > 1:1.9-9",
                "2:1.0 > 1:9.9-9~bpo1");
    }

    @Test
    void tildeSortsBeforeEverythingEvenTheEnd() {
        OrderCases.assertAll(
                dpkg,
                "1.0~rc1 < 1.0",
                "1.0~~ < 1.0~",
                "1.0~~a < 1.0~",
                "1.0~ < 1.0",
                "1.0~rc1 < 1.0~rc2",
                "1.0~alpha < 1.0~beta",
                "1.0-1~bpo12+1 < 1.0-1",
                "2.36.1-8+deb12u1 > 2.36.1-8",
                "22.11.7-1~deb12u1 < 22.11.7-1",
                "1.0-1+deb12u1~1 < 1.0-1+deb12u1");
    }

    @Test
    void lettersSortBeforeOtherCharacters() {
        OrderCases.assertAll(
                dpkg,
                "1.0a < 1.0+",
                "1.0a < 1.0.",
                "1.0+ < 1.0.",
                "1.0Z < 1.0a",
                "1.0 < 1.0a",
                "1.0a < 1.0b",
                "1.0+dfsg < 1.0.1",
                "1.2.3+b1 > 1.2.3",
                "1.2.3-4+b1 > 1.2.3-4",
                "1.0-1 < 1.0-1.1",
                "1.0-1ubuntu1 > 1.0-1");
    }

    @Test
    void digitRunsCompareAsNumbers() {
        OrderCases.assertAll(
                dpkg,
                "1.10 > 1.9",
                "1.001 = 1.1",
                "1.0001 = 1.01",
                "2.00 = 2.0",
                "1.2.10 > 1.2.9",
                "20231231 < 20240101",
                "1.99999999999999999999 < 1.100000000000000000000",
                "0.9.8-1 < 0.10-1");
    }

    @Test
    void revisionUsesTheLastHyphen() {
        OrderCases.assertAll(
                dpkg,
                "1.0-2-1 > 1.0-1-9",
                "1.0-a-1 < 1.0-b-1",
                "2:1.0-beta-1 > 2:1.0-1",
                "1-2-3 = 1-2-3",
                "1:2-3 > 1:2-2");
    }

    @Test
    void casesFromDpkgsOwnVersionTests() {
        // lib/dpkg/t/t-version.c and the --compare-versions examples of dpkg(1)
        OrderCases.assertAll(
                dpkg,
                "0:0-0 = 0:0-0",
                "0:0-0 = 0:0",
                "0:0-00 = 0:0-0",
                "1:0-0 > 0:0-0",
                "0:1-0 > 0:0-0",
                "0:0-1 > 0:0-0",
                "0:1.1 > 0:1.0",
                "0:0.10 > 0:0.9",
                "0:1.2-1 < 0:1.2-2",
                "0:1.2~rc1 < 0:1.2",
                "0:a < 0:b",
                "0:a < 0:aa",
                "0:b > 0:a",
                "0:0a < 0:0b",
                "1.0.0 > 1.0",
                "1.0~rc1 < 1.0.0");
    }

    @Test
    void whitespaceAroundIsIgnored() {
        OrderCases.assertAll(dpkg, " 1.0-1 = 1.0-1");
        assertTrue(dpkg.compare("1.0-1 ", "1.0-1") == 0);
    }
}
