package dev.herd.portal.version;

import org.junit.jupiter.api.Test;

class Pep440VersionOrderTest {

    private final Pep440VersionOrder pep440 = new Pep440VersionOrder();

    @Test
    void orderFromThePep() {
        // PEP 440 "Summary of permitted suffixes and relative ordering", plus epochs
        String[] ordered = {
            "1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12", "1.0b1.dev456", "1.0b2",
            "1.0b2.post345.dev456", "1.0b2.post345", "1.0rc1.dev456", "1.0rc1", "1.0", "1.0+abc.5", "1.0+abc.7",
            "1.0+5", "1.0.post456.dev34", "1.0.post456", "1.0.15", "1.1.dev1", "1!0.1"
        };
        for (int i = 0; i < ordered.length; i++) {
            for (int j = i + 1; j < ordered.length; j++) {
                OrderCases.assertAll(pep440, ordered[i] + " < " + ordered[j]);
            }
        }
    }

    @Test
    void normalisation() {
        OrderCases.assertAll(
                pep440,
                "1.0 = 1.0.0",
                "1.0 = v1.0",
                "1.0a1 = 1.0alpha1",
                "1.0a1 = 1.0-a-1",
                "1.0a1 = 1.0.A1",
                "1.0b0 = 1.0beta",
                "1.0rc1 = 1.0c1",
                "1.0rc1 = 1.0pre1",
                "1.0rc1 = 1.0preview1",
                "1.0.post1 = 1.0-1",
                "1.0.post1 = 1.0post1",
                "1.0.post1 = 1.0.rev1",
                "1.0.post1 = 1.0-r1",
                "1.0.post0 = 1.0.post",
                "1.0.dev0 = 1.0-dev",
                "1.0+ubuntu-1 = 1.0+ubuntu.1",
                "1.0+Ubuntu_1 = 1.0+ubuntu.1",
                "0!1.0 = 1.0");
    }

    @Test
    void localVersions() {
        OrderCases.assertAll(
                pep440,
                "1.0 < 1.0+local",
                "1.0+abc < 1.0+abd",
                "1.0+abc < 1.0+1",
                "1.0+1 < 1.0+10",
                "1.0+1 < 1.0+1.a",
                "1.0+1.post1 < 1.0.post1");
    }

    @Test
    void invalidVersionsSortFirst() {
        OrderCases.assertAll(pep440, "not-a-version < 0.dev0", "1.0-foo < 0.0", "1.0.x < 1.0.y");
    }
}
