package dev.herd.hub.csaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Runs the mandatory tests on a fixture and asserts which tests fail, and where. */
final class MandatoryTestAssertions {

    static final CsafMandatoryTests MANDATORY_TESTS = new CsafMandatoryTests();

    private MandatoryTestAssertions() {}

    /** Exactly test {@code testId} fails, at least at {@code path}; returns its failures. */
    static List<CsafTestFailure> assertOnlyFails(JsonNode document, String testId, String path) {
        List<CsafTestFailure> failures = MANDATORY_TESTS.run(document);
        assertEquals(Set.of(testId), failingTests(failures), failures::toString);
        assertTrue(
                failures.stream().anyMatch(f -> f.path().equals(path)),
                () -> "no failure at " + path + ": " + failures);
        return failures;
    }

    /** Test {@code testId} fails at {@code path}, together with exactly the {@code others} that must fail too. */
    static void assertFailsAlongWith(JsonNode document, String testId, String path, String... others) {
        List<CsafTestFailure> failures = MANDATORY_TESTS.run(document);
        Set<String> expected = new TreeSet<>(List.of(others));
        expected.add(testId);
        assertEquals(expected, failingTests(failures), failures::toString);
        assertTrue(
                failures.stream()
                        .anyMatch(f -> f.testId().equals(testId) && f.path().equals(path)),
                () -> "no failure of " + testId + " at " + path + ": " + failures);
    }

    static void assertPasses(JsonNode document) {
        assertEquals(List.of(), MANDATORY_TESTS.run(document));
    }

    private static Set<String> failingTests(List<CsafTestFailure> failures) {
        return failures.stream().map(CsafTestFailure::testId).collect(Collectors.toCollection(TreeSet::new));
    }
}
