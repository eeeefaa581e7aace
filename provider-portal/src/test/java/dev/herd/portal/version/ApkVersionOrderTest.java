package dev.herd.portal.version;

import org.junit.jupiter.api.Test;

class ApkVersionOrderTest {

    private final ApkVersionOrder apk = new ApkVersionOrder();

    @Test
    void casesFromApkToolsVersionData() {
        // a selection from apk-tools test/version.data
        OrderCases.assertAll(
                apk,
                "2.34 > 0.1.0_alpha",
                "23_foo > 4_beta",
                "1.0 < 1.0bc",
                "0.1.0_alpha = 0.1.0_alpha",
                "0.1.0_alpha2 > 0.1.0_alpha",
                "0.1.0_alpha < 2.2.39-r1",
                "1.0.4-r3 < 1.0.4-r4",
                "1.1 > 1.1_alpha1",
                "1.2.1 > 1.2",
                "1.2 < 1.3_alpha",
                "0.7.0 < 0.8_beta1",
                "2.3.0b-r1 < 2.3.0b-r2",
                "0.12.3 > 0.12",
                "1.2.11 < 1.2.12.1",
                "3.1_p16 < 3.1_p17",
                "1.06-r6 < 006",
                "1.2.2-r1 > 1.2.2",
                "20050718-r1 < 20050718-r2",
                "3.9.8-r5 > 2.01.01_alpha10",
                "1.0 > 0.99.3.20040818",
                "2.5.1-r8 < 2.5.1a-r1",
                "2.0.0_rc3-r1 > 1.5",
                "0.9.16-r1 < 3.9_pre20060124",
                "0.10.0 < 0.10.1_rc1",
                "0.20070118 < 0.20070207_rc1",
                "1.8.5 < 1.8.5_p2",
                "2.9.11_pre20051101-r2 < 2.9.11_pre20051101-r3",
                "1.6.8_p12-r1 > 1.6.8_p9-r2",
                "0.9.28.1 < 087-r1",
                "2.12r-r4 < 2.12r-r5",
                "4.5_p1-r1 > 4.5_p1",
                "1.3-r0 < 1.3.1-r0",
                "1.3_pre1-r1 < 1.3.2",
                "1.0_p10-r0 > 1.0_p9-r0",
                "0.1.0_alpha_pre2 < 0.1.0_alpha",
                "1.0.0_pre20191002222144-r0 < 1.0.0_pre20210530193627-r0");
    }

    @Test
    void leadingZeroAfterADotComparesAsText() {
        OrderCases.assertAll(apk, "1.01 < 1.1", "1.02 > 1.01", "1.010 > 1.01", "1.2.07.8 < 1.2.12.04");
    }

    @Test
    void suffixOrder() {
        OrderCases.assertAll(
                apk,
                "1.0_alpha < 1.0_beta",
                "1.0_beta < 1.0_pre",
                "1.0_pre < 1.0_rc",
                "1.0_rc < 1.0",
                "1.0 < 1.0_cvs",
                "1.0_cvs < 1.0_svn",
                "1.0_svn < 1.0_git",
                "1.0_git < 1.0_hg",
                "1.0_hg < 1.0_p",
                "1.0-r1 < 1.0_p1",
                "1.0-r1 < 1.0-r10");
    }
}
