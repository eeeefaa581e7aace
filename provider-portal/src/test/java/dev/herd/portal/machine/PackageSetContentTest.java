package dev.herd.portal.machine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.herd.contracts.inventory.MachineInventory.PackageRef;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The content of a package set: one member per (name, architecture), code-point order, a digest of all fields. */
class PackageSetContentTest {

    private static final PackageRef BASH = new PackageRef("bash", "5.2.15-2+b2", "amd64", "bash", "5.2.15-2");
    private static final PackageRef LIBSSL = new PackageRef("libssl3", "3.0.15-1", "amd64", "openssl", "3.0.15-1");
    private static final PackageRef LIBSSL_I386 = new PackageRef("libssl3", "3.0.15-1", "i386", "openssl", "3.0.15-1");

    @Test
    void theDigestDoesNotDependOnTheOrderPackagesWereReportedIn() {
        byte[] one = PackageSetContent.of("Debian:12", List.of(BASH, LIBSSL)).digest();
        byte[] other = PackageSetContent.of("Debian:12", List.of(LIBSSL, BASH)).digest();
        assertArrayEquals(one, other);
    }

    @Test
    void everyFieldAndTheEcosystemChangeTheDigest() {
        byte[] base = PackageSetContent.of("Debian:12", List.of(BASH)).digest();
        List<PackageSetContent> changed = List.of(
                PackageSetContent.of(
                        "Debian:12", List.of(new PackageRef("bash", "5.2.15-2+b3", "amd64", "bash", "5.2.15-2"))),
                PackageSetContent.of(
                        "Debian:12", List.of(new PackageRef("bash", "5.2.15-2+b2", "arm64", "bash", "5.2.15-2"))),
                PackageSetContent.of("Debian:12", List.of(new PackageRef("bash", "5.2.15-2+b2", "amd64", null, null))),
                // an ecosystem matched by binary name: the match version is the binary's
                PackageSetContent.of("PyPI", List.of(BASH)));
        for (PackageSetContent content : changed) {
            assertFalse(Arrays.equals(base, content.digest()), content.members()::toString);
        }
    }

    @Test
    void aRepeatedPackageWinsAndMembersComeInCodePointOrder() {
        PackageSetContent content = PackageSetContent.of(
                "Debian:12",
                List.of(
                        new PackageRef("zlib1g", "1", "amd64", null, null),
                        new PackageRef("Zlib", "1", "amd64", null, null),
                        new PackageRef("zlib1g", "2", "amd64", null, null),
                        new PackageRef("émile", "1", "amd64", null, null)));
        assertEquals(
                List.of("Zlib 1", "zlib1g 2", "émile 1"),
                content.members().stream()
                        .map(m -> m.name() + " " + m.version())
                        .toList());
    }

    @Test
    void matchNamesFollowTheSourcePackageWhereTheEcosystemMatchesBySource() {
        PackageSetContent.Member member =
                PackageSetContent.of("Debian:12", List.of(LIBSSL)).members().getFirst();
        assertEquals("openssl", member.matchName());
        assertEquals("3.0.15-1", member.matchVersion());
    }

    @Test
    void aRemovalWithoutArchitectureRemovesEveryArchitecture() {
        PackageSetContent content = PackageSetContent.of("Debian:12", List.of(BASH, LIBSSL, LIBSSL_I386));
        assertEquals(
                List.of("bash"),
                content.without(List.of(new PackageRef("libssl3", "3.0.15-1", null, null, null))).members().stream()
                        .map(PackageSetContent.Member::name)
                        .toList());
        assertEquals(
                List.of("amd64", "amd64"),
                content.without(List.of(LIBSSL_I386)).members().stream()
                        .map(PackageSetContent.Member::architecture)
                        .toList());
        assertEquals(3, content.size(), "a content is never changed in place");
    }
}
