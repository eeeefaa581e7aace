package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the optional tests of CSAF 2.0 section 6.2 on a document; their failures are warnings, not reasons to reject
 * it: 6.2.1 to 6.2.19. 6.2.20 Additional Properties is left out; it needs a strict variant of the JSON schema.
 */
public final class CsafOptionalTests {

    private final CsafTestSuite suite;

    public CsafOptionalTests() {
        List<CsafTest> tests = new ArrayList<>();
        tests.addAll(ProductOptionalTests.all());
        tests.addAll(TrackingOptionalTests.all());
        tests.addAll(LanguageOptionalTests.all());
        tests.addAll(ContentOptionalTests.all());
        this.suite = new CsafTestSuite(tests);
    }

    /** The tests this runs, in the order of the specification. */
    public List<CsafTest> tests() {
        return suite.tests();
    }

    /** Every warning of every optional test; empty if the document passes them all. */
    public List<CsafTestFailure> run(JsonNode document) {
        return suite.run(document);
    }
}
