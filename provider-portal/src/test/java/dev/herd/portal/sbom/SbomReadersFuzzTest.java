package dev.herd.portal.sbom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.problem.HerdException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Jazzer targets for the CycloneDX XML and SPDX tag-value readers: any body is refused as a 400 with an {@code sbom-}
 * code, or read into an SBOM whose every component the {@code sbom_component} columns hold (a package, no NUL, within
 * the lengths and the component limit). Any other exception would be a 500.
 */
class SbomReadersFuzzTest {

    private static final int MAX_COMPONENTS = 50;
    private static final SbomReader READER = new SbomReader(new ObjectMapper(), new SbomConfig() {
        @Override
        public long maxBytes() {
            return 1 << 20;
        }

        @Override
        public int maxComponents() {
            return MAX_COMPONENTS;
        }
    });

    @FuzzTest
    void cycloneDxXml(byte[] body) {
        assertReadOrRefused(body, SbomEncoding.XML);
    }

    @FuzzTest
    void spdxTagValue(byte[] body) {
        assertReadOrRefused(body, SbomEncoding.TAG_VALUE);
    }

    @Test
    void aComponentWithANulFailsTheProperty() {
        ParsedSbom bad = new ParsedSbom(
                SbomFormat.SPDX, "2.3", "a", List.of(new SbomComponent("npm", "a\0b", "1.0.0", "pkg:npm/a@1.0.0")), 0);
        assertThrows(AssertionError.class, () -> assertStorable(bad));
    }

    static void assertReadOrRefused(byte[] body, SbomEncoding encoding) {
        ParsedSbom parsed;
        try {
            parsed = READER.read(body, encoding);
        } catch (HerdException refused) {
            assertEquals(400, refused.status(), refused::toString);
            assertTrue(refused.code().startsWith("sbom-"), refused::code);
            return;
        }
        assertStorable(parsed);
    }

    private static void assertStorable(ParsedSbom parsed) {
        assertTrue(Set.of("1.5", "1.6", "2.3").contains(parsed.specVersion()), parsed::specVersion);
        assertTrue(parsed.name() == null || parsed.name().indexOf('\0') < 0, "a NUL in the name");
        assertTrue(parsed.components().size() <= MAX_COMPONENTS, "over the component limit");
        assertTrue(parsed.skipped() >= 0, "a negative skipped count");
        for (SbomComponent component : parsed.components()) {
            for (String text : List.of(component.ecosystem(), component.name(), component.version())) {
                assertTrue(!text.isBlank() && text.length() <= SbomComponents.MAX_TEXT, component::toString);
                assertTrue(text.indexOf('\0') < 0, component::toString);
            }
            assertTrue(component.purl().length() <= SbomComponents.MAX_PURL, component::toString);
            assertTrue(component.purl().indexOf('\0') < 0, component::toString);
        }
    }
}
