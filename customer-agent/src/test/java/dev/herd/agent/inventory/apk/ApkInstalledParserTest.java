package dev.herd.agent.inventory.apk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.herd.agent.inventory.InstalledPackage;
import dev.herd.agent.inventory.InventoryException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApkInstalledParserTest {

    private static final Path FILE = Path.of("/lib/apk/db/installed");

    private static final String INSTALLED = """
            C:Q1pcfTfDNEbNKQc2s1tia7da05M8Q=
            P:libcrypto3
            V:3.1.4-r5
            A:x86_64
            S:1701345
            I:4554752
            T:Crypto library from openssl
            U:https://www.openssl.org/
            L:Apache-2.0
            o:openssl
            m:Ariadne Conill <ariadne@dereferenced.org>
            t:1706021532
            F:usr/lib
            R:libcrypto.so.3
            Z:Q1AbCdEf=

            C:Q1xyz=
            P:alpine-baselayout-data
            V:3.4.3-r2
            A:x86_64
            T:Alpine base dir structure and init scripts
            F:etc
            R:hosts

            """;

    @Test
    void originIsTheSourceNameAndMissingOriginFallsBackToTheName() {
        assertEquals(
                List.of(
                        new InstalledPackage("libcrypto3", "3.1.4-r5", "x86_64", "openssl", "3.1.4-r5", "apk"),
                        new InstalledPackage(
                                "alpine-baselayout-data",
                                "3.4.3-r2",
                                "x86_64",
                                "alpine-baselayout-data",
                                "3.4.3-r2",
                                "apk")),
                ApkInstalledParser.parse(INSTALLED, FILE));
    }

    @Test
    void truncatedEntryNamesTheFileAndItsLine() {
        String truncated = INSTALLED.substring(0, INSTALLED.indexOf("V:3.4.3"));
        InventoryException e = assertThrows(InventoryException.class, () -> ApkInstalledParser.parse(truncated, FILE));
        assertEquals(
                "/lib/apk/db/installed:17: entry starting here has no P: or V: field (file truncated?)",
                e.getMessage());
    }
}
