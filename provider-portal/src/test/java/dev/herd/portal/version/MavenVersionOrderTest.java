package dev.herd.portal.version;

import org.junit.jupiter.api.Test;

class MavenVersionOrderTest {

    private final MavenVersionOrder maven = new MavenVersionOrder();

    @Test
    void qualifierOrder() {
        OrderCases.assertAll(
                maven,
                "1-alpha < 1-beta",
                "1-beta < 1-milestone",
                "1-milestone < 1-rc",
                "1-rc = 1-cr",
                "1-rc < 1-snapshot",
                "1-snapshot < 1",
                "1 = 1-ga",
                "1 = 1-final",
                "1 = 1-release",
                "1 < 1-sp",
                "1-sp < 1-abc",
                "1-abc < 1-abd",
                "1-RC1 = 1-rc-1",
                "1a1 = 1-alpha-1",
                "1b2 = 1-beta-2",
                "1m3 = 1-milestone-3");
    }

    @Test
    void ordersFromComparableVersionTest() {
        // maven-artifact ComparableVersionTest: VERSIONS_QUALIFIER and VERSIONS_NUMBER, in increasing order
        String[] qualifier = {
            "1-alpha2snapshot",
            "1-alpha2",
            "1-alpha-123",
            "1-beta-2",
            "1-beta123",
            "1-m2",
            "1-m11",
            "1-rc",
            "1-cr2",
            "1-rc123",
            "1-SNAPSHOT",
            "1",
            "1-sp",
            "1-sp2",
            "1-sp123",
            "1-abc",
            "1-def",
            "1-pom-1",
            "1-1-snapshot",
            "1-1",
            "1-2",
            "1-123"
        };
        String[] number = {
            "2.0", "2.0.a", "2-1", "2.0.2", "2.0.123", "2.1.0", "2.1-a", "2.1b", "2.1-c", "2.1-1", "2.1.0.1", "2.2",
            "2.123", "11.a2", "11.a11", "11.b2", "11.b11", "11.m2", "11.m11", "11", "11.a", "11b", "11c", "11m"
        };
        for (String[] ordered : new String[][] {qualifier, number}) {
            for (int i = 0; i < ordered.length; i++) {
                for (int j = i + 1; j < ordered.length; j++) {
                    OrderCases.assertAll(maven, ordered[i] + " < " + ordered[j]);
                }
            }
        }
    }

    @Test
    void equalitiesFromComparableVersionTest() {
        OrderCases.assertAll(
                maven,
                "1 = 1.0",
                "1 = 1.0.0",
                "1.0 = 1.0.0",
                "1 = 1-0",
                "1 = 1.0-0",
                "1.0 = 1.0-0",
                "1a = 1-a",
                "1a = 1.0-a",
                "1a = 1.0.0-a",
                "1x = 1-x",
                "1x = 1.0-x",
                "1ga = 1",
                "1release = 1",
                "1final = 1",
                "1cr = 1rc",
                "1a1 = 1-alpha-1",
                "1b2 = 1-beta-2",
                "1m3 = 1-milestone-3",
                "1X = 1x",
                "1A = 1a",
                "1GA = 1",
                "1-SNAPSHOT = 1-snapshot");
    }

    @Test
    void numbersBeyondLong() {
        OrderCases.assertAll(maven, "1.99999999999999999999 < 1.100000000000000000000", "1.0001 = 1.1");
    }
}
