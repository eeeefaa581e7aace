package dev.herd.hub.csaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Integer and semantic document versions: parsing, precedence and the parts the revision tests ignore. */
class DocumentVersionTest {

    private static DocumentVersion version(String text) {
        return DocumentVersion.parse(text).orElseThrow();
    }

    @Test
    void ordersLikeSemanticVersioning() {
        // The precedence example of semantic versioning 2.0.0, section 11.4.
        List<String> ordered = List.of(
                "1.0.0-alpha",
                "1.0.0-alpha.1",
                "1.0.0-alpha.beta",
                "1.0.0-beta",
                "1.0.0-beta.2",
                "1.0.0-beta.11",
                "1.0.0-rc.1",
                "1.0.0",
                "2",
                "2.0.1",
                "10");

        List<String> sorted = ordered.reversed().stream()
                .map(DocumentVersionTest::version)
                .sorted()
                .map(DocumentVersion::text)
                .toList();

        assertEquals(ordered, sorted);
    }

    @Test
    void buildMetadataDoesNotCount() {
        assertEquals(0, version("1.0.0+build.1").compareTo(version("1.0.0+build.2")));
        assertEquals("1.0.0", version("1.0.0-rc.1+build.1").withoutPreReleaseAndBuild());
        assertEquals("1.0.0-rc.1", version("1.0.0-rc.1+build.1").withoutBuild());
    }

    @Test
    void recognizesVersionsBeforeTheFirstRelease() {
        assertTrue(version("0").isBeforeFirstRelease());
        assertTrue(version("0.9.5").isBeforeFirstRelease());
        assertTrue(version("1.0.0-alpha").isPreRelease());
        assertEquals(false, version("1").isBeforeFirstRelease());
    }

    @Test
    void rejectsWhatIsNeitherIntegerNorSemanticVersioning() {
        assertEquals(Optional.empty(), DocumentVersion.parse("01"));
        assertEquals(Optional.empty(), DocumentVersion.parse("1.0"));
        assertEquals(Optional.empty(), DocumentVersion.parse("v1"));
    }
}
