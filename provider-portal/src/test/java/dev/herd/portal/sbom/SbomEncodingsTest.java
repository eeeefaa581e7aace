package dev.herd.portal.sbom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.problem.HerdException;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The readers of the other encodings without the server: the CycloneDX XML and SPDX tag-value forms of the log4j
 * application's SBOMs read to exactly what their JSON forms read to, and the line-numbered problems of tag-value.
 */
class SbomEncodingsTest {

    private final SbomReader reader = new SbomReader(new ObjectMapper(), new SbomConfig() {
        @Override
        public long maxBytes() {
            return 1 << 20;
        }

        @Override
        public int maxComponents() {
            return 100;
        }
    });

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            order-service-log4j-2.14.1.cdx, 1.6
            order-service-log4j-2.17.1.cdx, 1.5
            """)
    void cycloneDxXmlReadsAsItsJson(String name, String specVersion) {
        ParsedSbom json = reader.read(resource(name + ".json"), SbomEncoding.JSON);
        ParsedSbom xml = reader.read(resource(name + ".xml"), SbomEncoding.XML);
        assertEquals(json, xml);
        assertEquals(specVersion, xml.specVersion());
        assertEquals(SbomFormat.CYCLONEDX, xml.format());
        assertEquals("dev.herd.samples:order-service@1.0.0", xml.name());
        assertEquals(6, xml.components().size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            order-service-log4j-2.14.1, 2.14.1
            order-service-log4j-2.17.1, 2.17.1
            """)
    void spdxTagValueReadsAsItsJson(String name, String log4j) {
        ParsedSbom json = reader.read(resource(name + ".spdx.json"), SbomEncoding.JSON);
        ParsedSbom tagValue = reader.read(resource(name + ".spdx"), SbomEncoding.TAG_VALUE);
        assertEquals(json, tagValue);
        assertEquals(new ParsedSbom(SbomFormat.SPDX, "2.3", "order-service-1.0.0", json.components(), 1), tagValue);
        assertTrue(tagValue.components().stream()
                .anyMatch(c -> c.name().equals("org.apache.logging.log4j:log4j-core")
                        && c.version().equals(log4j)));
    }

    @Test
    void contentTypesChooseTheEncoding() {
        assertEquals(SbomEncoding.XML, SbomEncoding.of(MediaType.valueOf("application/vnd.cyclonedx+xml")));
        assertEquals(SbomEncoding.XML, SbomEncoding.of(MediaType.valueOf("text/xml; charset=UTF-8")));
        assertEquals(SbomEncoding.XML, SbomEncoding.of(MediaType.valueOf("application/xml")));
        assertEquals(SbomEncoding.TAG_VALUE, SbomEncoding.of(MediaType.valueOf("text/spdx; charset=utf-8")));
        assertEquals(SbomEncoding.JSON, SbomEncoding.of(MediaType.valueOf("application/vnd.cyclonedx+json")));
        assertEquals(SbomEncoding.JSON, SbomEncoding.of(null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown tag           | PackageColour: red                              | sbom-invalid      | line 9: unknown tag PackageColour
            package tag too early | PackageVersion: 1.0                             | sbom-invalid      | line 9: PackageVersion outside a package
            no tag                | just words                                      | sbom-not-tag-value | line 9: expected 'Tag: value'
            empty value           | DocumentComment:                                | sbom-not-tag-value | line 9: DocumentComment has no value
            unclosed text         | DocumentComment: <text>one                      | sbom-not-tag-value | line 9: DocumentComment's <text> is never closed
            second namespace      | DocumentNamespace: https://herd.dev/spdx/other  | sbom-invalid      | line 9: a second DocumentNamespace (the first is on line 5)
            """)
    void aBadTagValueLineIsNamed(String what, String line, String code, String detail) {
        String document = header() + line + "\n";
        HerdException problem =
                assertThrows(HerdException.class, () -> reader.read(utf8(document), SbomEncoding.TAG_VALUE), what);
        assertEquals(code, problem.code(), what);
        assertTrue(problem.getMessage().contains(detail), problem.getMessage());
    }

    @Test
    void missingRequiredTagsAndOtherVersionsAreRefused() {
        String withoutNamespace = header().replace("DocumentNamespace: https://herd.dev/spdx/a\n", "");
        HerdException problem =
                assertThrows(HerdException.class, () -> reader.read(utf8(withoutNamespace), SbomEncoding.TAG_VALUE));
        assertEquals("sbom-invalid", problem.code());
        assertTrue(problem.getMessage().contains("no DocumentNamespace tag"), problem.getMessage());

        String packageWithoutId = header() + "PackageName: a\nPackageVersion: 1\n";
        problem = assertThrows(HerdException.class, () -> reader.read(utf8(packageWithoutId), SbomEncoding.TAG_VALUE));
        assertTrue(problem.getMessage().contains("line 9: the package a has no SPDXID"), problem.getMessage());

        String shortExternalRef = header() + "PackageName: a\nSPDXID: SPDXRef-a\nExternalRef: PACKAGE-MANAGER purl\n";
        problem = assertThrows(HerdException.class, () -> reader.read(utf8(shortExternalRef), SbomEncoding.TAG_VALUE));
        assertTrue(
                problem.getMessage().contains("line 11: ExternalRef must be 'CATEGORY TYPE LOCATOR'"),
                problem.getMessage());

        String shortSecondRef = header() + "PackageName: a\nSPDXID: SPDXRef-a\n"
                + "ExternalRef: PACKAGE-MANAGER purl pkg:npm/a@1.0.0\nExternalRef: SECURITY cpe23Type\n";
        problem = assertThrows(HerdException.class, () -> reader.read(utf8(shortSecondRef), SbomEncoding.TAG_VALUE));
        assertTrue(problem.getMessage().contains("line 12: ExternalRef"), problem.getMessage());

        problem = assertThrows(
                HerdException.class,
                () -> reader.read(utf8(header().replace("SPDX-2.3", "SPDX-2.2")), SbomEncoding.TAG_VALUE));
        assertEquals("sbom-spec-version", problem.code());
        assertTrue(problem.getMessage().contains("'SPDX-2.2'"), problem.getMessage());

        problem =
                assertThrows(HerdException.class, () -> reader.read(utf8("PackageName: a\n"), SbomEncoding.TAG_VALUE));
        assertEquals("sbom-spec-version", problem.code());

        problem = assertThrows(
                HerdException.class,
                () -> reader.read(new byte[] {'S', 'P', 'D', 'X', (byte) 0xC3, '(', '\n'}, SbomEncoding.TAG_VALUE));
        assertEquals("sbom-not-tag-value", problem.code());
    }

    @Test
    void multiLineTextCommentsAndCrLfAreRead() {
        String document = header().replace("\n", "\r\n")
                + "# a comment: with a colon\r\n"
                + "DocumentComment: <text>first line\r\nSecondLine: not a tag\r\n</text>\r\n"
                + "PackageName: left-pad\nSPDXID: SPDXRef-left-pad\n"
                + "ExternalRef: SECURITY cpe23Type cpe:2.3:a:left-pad:left-pad:1.2.0:*:*:*:*:*:*:*\n"
                + "ExternalRef: PACKAGE-MANAGER purl pkg:npm/left-pad@1.2.0\n";
        ParsedSbom parsed = reader.read(utf8(document), SbomEncoding.TAG_VALUE);
        assertEquals(1, parsed.components().size());
        assertEquals("left-pad", parsed.components().get(0).name());
        assertEquals("1.2.0", parsed.components().get(0).version());
        assertEquals("a", parsed.name());
    }

    @Test
    void xmlWithADoctypeMalformedOrOfAnotherKindIsRefused() {
        HerdException problem = assertThrows(
                HerdException.class,
                () -> reader.read(
                        utf8("<?xml version=\"1.0\"?>\n<!DOCTYPE bom [<!ENTITY x \"y\">]>\n"
                                + "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\" version=\"1\"/>"),
                        SbomEncoding.XML));
        assertEquals("sbom-xml-doctype", problem.code());
        problem = assertThrows(
                HerdException.class,
                () -> reader.read(
                        utf8("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"><components>"), SbomEncoding.XML));
        assertEquals("sbom-not-xml", problem.code());
        problem = assertThrows(
                HerdException.class,
                () -> reader.read(
                        utf8("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.4\" version=\"1\"/>"), SbomEncoding.XML));
        assertEquals("sbom-spec-version", problem.code());
        assertTrue(problem.getMessage().contains("'1.4'"), problem.getMessage());
        problem = assertThrows(
                HerdException.class,
                () -> reader.read(utf8("<project xmlns=\"http://maven.apache.org/POM/4.0.0\"/>"), SbomEncoding.XML));
        assertEquals("sbom-format-unknown", problem.code());
        problem = assertThrows(
                HerdException.class,
                () -> reader.read(
                        utf8("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\" version=\"1\"><components>"
                                + "<component type=\"library\"><version>1</version></component></components></bom>"),
                        SbomEncoding.XML));
        assertEquals("sbom-invalid", problem.code());
        assertFalse(problem.getMessage().isBlank());
    }

    /** A valid document header of 8 lines, so that a line appended is line 9. */
    private static String header() {
        return """
                SPDXVersion: SPDX-2.3
                DataLicense: CC0-1.0
                SPDXID: SPDXRef-DOCUMENT
                DocumentName: a
                DocumentNamespace: https://herd.dev/spdx/a
                Creator: Tool: test
                Created: 2026-12-07T17:00:00Z

                """;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] resource(String name) {
        try (InputStream in = SbomEncodingsTest.class.getResourceAsStream("/sbom/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
