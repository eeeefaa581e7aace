package dev.herd.portal.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PackageManagerTest {

    @ParameterizedTest
    @CsvSource({
        "debian, APT",
        "ubuntu, APT",
        "rhel, DNF",
        "rocky, DNF",
        "almalinux, DNF",
        "fedora, DNF",
        "centos, DNF",
        "ol, DNF",
        "amzn, DNF",
        "alpine, APK",
        "wolfi, APK",
        "Debian, APT"
    })
    void osIdsMapToTheirManager(String osId, PackageManager expected) {
        assertEquals(expected, PackageManager.forOs(osId));
    }

    @ParameterizedTest
    @ValueSource(strings = {"arch", "opensuse-leap", "", "debian10", "windows"})
    void unknownOsIdsAreRejected(String osId) {
        String message = assertThrows(IllegalArgumentException.class, () -> PackageManager.forOs(osId))
                .getMessage();
        assertTrue(message.startsWith("osId '" + osId + "' has no known package manager"), message);
    }

    @org.junit.jupiter.api.Test
    void nullOsIdIsRejected() {
        assertEquals(
                "osId must not be null",
                assertThrows(IllegalArgumentException.class, () -> PackageManager.forOs(null))
                        .getMessage());
    }
}
