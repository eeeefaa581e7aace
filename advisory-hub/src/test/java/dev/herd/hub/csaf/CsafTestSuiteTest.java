package dev.herd.hub.csaf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Running a list of tests: order by section, and a test that throws becomes a failure. */
class CsafTestSuiteTest {

    @Test
    void aTestThatThrowsFailsTheDocumentInsteadOfAbortingTheRun() {
        CsafTestSuite suite = new CsafTestSuite(List.of(
                new RuleTest("6.1.2", "Throws", (document, failures) -> {
                    throw new IllegalStateException("unexpected shape");
                }),
                new RuleTest("6.1.1", "Fails", (document, failures) -> failures.add("/x", "Wrong."))));

        List<CsafTestFailure> failures = suite.run(CsafDocuments.json("{}"));

        assertEquals(
                List.of(
                        new CsafTestFailure("6.1.1", "Fails", "/x", "Wrong."),
                        new CsafTestFailure(
                                "6.1.2",
                                "Throws",
                                "",
                                "The test could not be evaluated: java.lang.IllegalStateException: unexpected shape")),
                failures);
    }
}
