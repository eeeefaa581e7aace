package dev.herd.agent.inventory.dpkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.herd.agent.inventory.InstalledPackage;
import dev.herd.agent.inventory.InventoryException;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DpkgStatusParserTest {

    private static final Path FILE = Path.of("/var/lib/dpkg/status");

    private static final String STATUS = """
            Package: bash
            Status: install ok installed
            Priority: required
            Architecture: amd64
            Version: 5.2.15-2+b8
            Source: bash (5.2.15-2)
            Description: GNU Bourne Again SHell
             Bash is an sh-compatible command language interpreter.
             .
             It also has features from the Korn and C shells.

            Package: bsdutils
            Status: install ok installed
            Architecture: amd64
            Source: util-linux
            Version: 1:2.38.1-5+deb12u3

            Package: tzdata
            Status: hold ok installed
            Architecture: all
            Version: 2025b-0+deb12u1

            Package: oldthing
            Status: deinstall ok config-files
            Architecture: amd64
            Version: 1.0-1
            Conffiles:
             /etc/oldthing.conf 0123456789abcdef0123456789abcdef
            """;

    private static Map<String, InstalledPackage> parse(String text) throws Exception {
        return DpkgStatusParser.parse(new BufferedReader(new StringReader(text)), FILE).stream()
                .collect(Collectors.toMap(InstalledPackage::name, Function.identity()));
    }

    @Test
    void binNmuKeepsTheSourceVersionInParentheses() throws Exception {
        assertEquals(
                new InstalledPackage("bash", "5.2.15-2+b8", "amd64", "bash", "5.2.15-2", "dpkg"),
                parse(STATUS).get("bash"));
    }

    @Test
    void sourceWithoutVersionTakesTheBinaryVersionWithItsEpoch() throws Exception {
        assertEquals(
                new InstalledPackage(
                        "bsdutils", "1:2.38.1-5+deb12u3", "amd64", "util-linux", "1:2.38.1-5+deb12u3", "dpkg"),
                parse(STATUS).get("bsdutils"));
    }

    @Test
    void noSourceMeansTheBinaryIsItsOwnSourceAndArchitectureAllIsKept() throws Exception {
        assertEquals(
                new InstalledPackage("tzdata", "2025b-0+deb12u1", "all", "tzdata", "2025b-0+deb12u1", "dpkg"),
                parse(STATUS).get("tzdata"));
    }

    @Test
    void configFilesOnlyPackagesAreLeftOutAndMultiLineFieldsDoNotBreakParsing() throws Exception {
        assertEquals(
                List.of("bash", "bsdutils", "tzdata"),
                parse(STATUS).keySet().stream().sorted().toList());
    }

    @Test
    void truncatedStatusFileNamesTheFileAndTheLine() {
        String truncated = STATUS.substring(0, STATUS.indexOf("Version: 1:2.38") + "Vers".length());
        InventoryException e = assertThrows(InventoryException.class, () -> parse(truncated));
        assertEquals("/var/lib/dpkg/status:16: expected 'Field: value', found 'Vers'", e.getMessage());
    }

    @Test
    void stanzaCutBeforeItsVersionIsReportedWithItsStartLine() {
        String cut = STATUS.substring(0, STATUS.indexOf("Source: util-linux"));
        InventoryException e = assertThrows(InventoryException.class, () -> parse(cut));
        assertEquals(
                "/var/lib/dpkg/status:12: package bsdutils starting here has no Version field (file truncated?)",
                e.getMessage());
    }

    @Test
    void continuationLineAtTheStartIsCorrupt() {
        InventoryException e = assertThrows(InventoryException.class, () -> parse(" stray\nPackage: x\n"));
        assertEquals("/var/lib/dpkg/status:1: continuation line without a field before it", e.getMessage());
    }
}
