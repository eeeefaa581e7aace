package dev.herd.portal.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.maven.artifact.versioning.ComparableVersion;
import org.junit.jupiter.api.Test;

/**
 * Jazzer targets for the version orders: on any three strings (the input's lines) each order answers without throwing
 * and is a total preorder, reflexive, antisymmetric and transitive, as {@link java.util.Comparator} requires.
 */
class VersionOrderFuzzTest {

    @FuzzTest
    void dpkg(byte[] input) {
        assertTotalOrder(new DpkgVersionOrder(), input);
    }

    @FuzzTest
    void rpm(byte[] input) {
        assertTotalOrder(new RpmVersionOrder(), input);
    }

    @FuzzTest
    void apk(byte[] input) {
        assertTotalOrder(new ApkVersionOrder(), input);
    }

    @FuzzTest
    void semver(byte[] input) {
        assertTotalOrder(new SemverVersionOrder(), input);
    }

    /**
     * Maven's own {@code ComparableVersion} is not transitive everywhere (1-00000-cr < 1 < 1-g00214 but 1-00000-cr >
     * 1-g00214, maven-artifact 3.9.12); the order must answer as Maven does, pair by pair, rather than be transitive.
     */
    @FuzzTest
    void maven(byte[] input) {
        VersionOrder order = new MavenVersionOrder();
        String[] v = versions(input);
        for (String a : v) {
            for (String b : v) {
                int maven = Integer.signum(new ComparableVersion(a).compareTo(new ComparableVersion(b)));
                assertEquals(
                        maven, Integer.signum(order.compare(a, b)), () -> "maven says otherwise: " + a + " vs " + b);
            }
        }
    }

    @FuzzTest
    void pep440(byte[] input) {
        assertTotalOrder(new Pep440VersionOrder(), input);
    }

    @FuzzTest
    void generic(byte[] input) {
        assertTotalOrder(new GenericVersionOrder(), input);
    }

    @Test
    void aRockPaperScissorsOrderFailsTheProperty() {
        // Antisymmetric but cyclic: one length beats the next one down, so 1 < 22 < 333 < 1.
        VersionOrder cyclic = new VersionOrder() {
            @Override
            public int compare(String a, String b) {
                int beats = Math.floorMod(a.length() - b.length(), 3);
                return beats == 0 ? 0 : beats == 1 ? 1 : -1;
            }

            @Override
            public String name() {
                return "cyclic";
            }
        };
        assertThrows(AssertionError.class, () -> assertTotalOrder(cyclic, "1\n22\n333".getBytes()));
    }

    /** Up to three versions, one a line; missing ones are empty strings, which an order must take too. */
    static String[] versions(byte[] input) {
        String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", 3);
        String[] three = Arrays.copyOf(lines, 3);
        Arrays.setAll(three, i -> three[i] == null ? "" : three[i]);
        return three;
    }

    static void assertTotalOrder(VersionOrder order, byte[] input) {
        String[] v = versions(input);
        int[][] sign = new int[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                sign[i][j] = Integer.signum(order.compare(v[i], v[j]));
            }
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(0, sign[i][i], () -> order.name() + ": not reflexive on " + Arrays.toString(v));
            // A copy, not the same object: the order must not rely on identity.
            assertEquals(0, Integer.signum(order.compare(v[i], new String(v[i]))), order.name() + ": copy unequal");
            for (int j = 0; j < 3; j++) {
                int ij = sign[i][j];
                int ji = sign[j][i];
                assertEquals(-ji, ij, () -> order.name() + ": not antisymmetric on " + Arrays.toString(v));
                for (int k = 0; k < 3; k++) {
                    int ik = sign[i][k];
                    int jk = sign[j][k];
                    if (ij <= 0 && jk <= 0) {
                        assertTrue(ik <= 0, () -> order.name() + ": not transitive on " + Arrays.toString(v));
                    }
                    if (ij == 0) {
                        assertEquals(
                                jk,
                                ik,
                                () -> order.name() + ": equal versions order a third differently, "
                                        + Arrays.toString(v));
                    }
                }
            }
        }
    }
}
