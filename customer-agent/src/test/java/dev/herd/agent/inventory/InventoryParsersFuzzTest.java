package dev.herd.agent.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.herd.agent.inventory.apk.ApkInstalledParser;
import dev.herd.agent.inventory.dpkg.DpkgStatusParser;
import dev.herd.agent.inventory.rpm.RpmQueryParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Jazzer targets for the package database parsers: any bytes give packages the gateway accepts (name, version, source
 * name and source version not blank) or an {@link InventoryException} naming the file; nothing else escapes.
 */
class InventoryParsersFuzzTest {

    private static Path database;

    @BeforeAll
    static void createDatabaseFile() throws IOException {
        database = Files.createTempFile("herd-fuzz-", ".db");
    }

    @AfterAll
    static void deleteDatabaseFile() throws IOException {
        Files.deleteIfExists(database);
    }

    @FuzzTest
    void dpkgStatus(byte[] input) {
        // Through the file, as the agent reads it: bytes that are not UTF-8 are part of what can go wrong.
        assertReadOrRefused(() -> DpkgStatusParser.parse(write(input)), "dpkg");
    }

    @FuzzTest
    void apkInstalled(byte[] input) {
        assertReadOrRefused(() -> ApkInstalledParser.parse(write(input)), "apk");
    }

    @FuzzTest
    void rpmQuery(byte[] input) {
        // RpmDatabase decodes rpm's output the same way before parsing it.
        String output = new String(input, StandardCharsets.UTF_8);
        assertReadOrRefused(() -> RpmQueryParser.parse(output, Path.of("rpm -qa")), "rpm");
    }

    @Test
    void aPackageWithoutANameFailsTheProperty() {
        assertThrows(
                AssertionError.class,
                () -> assertReadOrRefused(
                        () -> List.of(new InstalledPackage(" ", "1", "amd64", "x", "1", "dpkg")), "dpkg"));
    }

    static void assertReadOrRefused(Supplier<List<InstalledPackage>> parse, String manager) {
        List<InstalledPackage> packages;
        try {
            packages = parse.get();
        } catch (InventoryException refused) {
            assertNotNull(refused.getMessage());
            return;
        }
        for (InstalledPackage p : packages) {
            assertEquals(manager, p.manager());
            assertFalse(p.name() == null || p.name().isBlank(), () -> "blank name: " + p);
            assertFalse(p.version() == null || p.version().isBlank(), () -> "blank version: " + p);
            assertFalse(p.sourceName() == null || p.sourceName().isBlank(), () -> "blank source name: " + p);
            assertFalse(p.sourceVersion() == null || p.sourceVersion().isBlank(), () -> "blank source version: " + p);
        }
    }

    private static Path write(byte[] input) {
        try {
            return Files.write(database, input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
