package dev.herd.agent.delivery;

import static dev.herd.agent.delivery.Machines.pkg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herd.agent.inventory.InstalledPackage;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackageDeltaTest {

    @Test
    void addedChangedAndRemovedAreSeparated() {
        List<InstalledPackage> before = List.of(pkg("openssl", "3.0.15"), pkg("libssl3", "3.0.15"), pkg("bash", "5.2"));
        List<InstalledPackage> after = List.of(pkg("openssl", "3.0.16"), pkg("bash", "5.2"), pkg("nginx", "1.22"));

        PackageDelta delta = PackageDelta.between(before, after);

        assertEquals(List.of(pkg("nginx", "1.22")), delta.added());
        assertEquals(List.of(pkg("openssl", "3.0.16")), delta.changed());
        assertEquals(List.of(pkg("libssl3", "3.0.15")), delta.removed());
    }

    @Test
    void theSameNameOnAnotherArchitectureIsAnotherPackage() {
        InstalledPackage amd64 = pkg("libc6", "2.36");
        InstalledPackage i386 = new InstalledPackage("libc6", "2.36", "i386", "glibc", "2.36", "dpkg");

        PackageDelta delta = PackageDelta.between(List.of(amd64), List.of(amd64, i386));

        assertEquals(List.of(i386), delta.added());
        assertTrue(delta.changed().isEmpty());
        assertTrue(delta.removed().isEmpty());
    }

    @Test
    void aNewSourceVersionAloneIsAChange() {
        InstalledPackage binNmu = new InstalledPackage("foo", "1.0", "amd64", "foo", "1.0-2", "dpkg");

        PackageDelta delta = PackageDelta.between(List.of(pkg("foo", "1.0")), List.of(binNmu));

        assertEquals(List.of(binNmu), delta.changed());
    }

    @Test
    void nothingChangedIsEmpty() {
        List<InstalledPackage> same = List.of(pkg("bash", "5.2"));
        assertTrue(PackageDelta.between(same, same).isEmpty());
    }
}
