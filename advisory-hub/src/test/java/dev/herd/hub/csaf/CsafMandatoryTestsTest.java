package dev.herd.hub.csaf;

import static dev.herd.hub.csaf.CsafDocuments.json;
import static dev.herd.hub.csaf.CsafDocuments.load;
import static dev.herd.hub.csaf.MandatoryTestAssertions.MANDATORY_TESTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The mandatory tests as a whole: real documents pass, every test of section 6.1 runs, odd shapes do not crash. */
class CsafMandatoryTestsTest {

    @ParameterizedTest
    @FieldSource("dev.herd.hub.csaf.CsafDocuments#REAL")
    void realDocumentsPassEveryMandatoryTest(String name) {
        assertEquals(List.of(), MANDATORY_TESTS.run(load(name)));
    }

    @Test
    void runsEveryMandatoryTestOfSection61InOrder() {
        List<String> ids = MANDATORY_TESTS.tests().stream().map(CsafTest::id).toList();

        assertEquals(
                List.of(
                        "6.1.1",
                        "6.1.2",
                        "6.1.3",
                        "6.1.4",
                        "6.1.5",
                        "6.1.6",
                        "6.1.7",
                        "6.1.8",
                        "6.1.9",
                        "6.1.10",
                        "6.1.11",
                        "6.1.12",
                        "6.1.13",
                        "6.1.14",
                        "6.1.15",
                        "6.1.16",
                        "6.1.17",
                        "6.1.18",
                        "6.1.19",
                        "6.1.20",
                        "6.1.21",
                        "6.1.22",
                        "6.1.23",
                        "6.1.24",
                        "6.1.25",
                        "6.1.26",
                        "6.1.27.1",
                        "6.1.27.2",
                        "6.1.27.3",
                        "6.1.27.4",
                        "6.1.27.5",
                        "6.1.27.6",
                        "6.1.27.7",
                        "6.1.27.8",
                        "6.1.27.9",
                        "6.1.27.10",
                        "6.1.27.11",
                        "6.1.28",
                        "6.1.29",
                        "6.1.30",
                        "6.1.31",
                        "6.1.32",
                        "6.1.33"),
                ids);
    }

    @Test
    void failuresNameTheTest() {
        CsafTestFailure failure = MANDATORY_TESTS
                .run(CsafDocuments.set(load("bsi-2022-0001.json"), "/document/lang", "EZ"))
                .get(0);

        assertEquals(new CsafTestFailure("6.1.12", "Language", "/document/lang", failure.message()), failure);
    }

    @Test
    void documentsOfUnexpectedShapeAreRejectedWithoutCrashing() {
        // Wrong types everywhere: the schema rejects this, and the tests must neither throw nor pass it silently.
        var document = json("""
                {"document": {"category": "csaf_vex", "tracking": {"revision_history": "none"}},
                 "product_tree": {"branches": {"name": 1}, "product_groups": [{"group_id": 7}]},
                 "vulnerabilities": [{"product_status": {"known_affected": [null, 3]}, "scores": [{}]}]}
                """);

        List<CsafTestFailure> failures = MANDATORY_TESTS.run(document);

        assertFalse(failures.isEmpty());
        assertTrue(
                failures.stream().noneMatch(f -> f.message().startsWith("The test could not be evaluated")),
                failures::toString);
    }
}
