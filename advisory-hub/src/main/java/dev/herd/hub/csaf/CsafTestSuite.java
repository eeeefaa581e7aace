package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** CSAF tests, run one after the other on the same document in the order of their sections. */
final class CsafTestSuite {

    private final List<CsafTest> tests;

    CsafTestSuite(List<CsafTest> tests) {
        List<CsafTest> sorted = new ArrayList<>(tests);
        sorted.sort(CsafTestSuite::bySection);
        this.tests = List.copyOf(sorted);
    }

    List<CsafTest> tests() {
        return tests;
    }

    List<CsafTestFailure> run(JsonNode document) {
        return run(document, true);
    }

    /**
     * Every failure of every test. A test that throws on a shape it did not foresee is a failure of its own when
     * {@code unevaluableFails}; otherwise (for a document already known to break the schema) it is left out, with
     * whatever it had found before it threw.
     */
    List<CsafTestFailure> run(JsonNode document, boolean unevaluableFails) {
        List<CsafTestFailure> failures = new ArrayList<>();
        for (CsafTest test : tests) {
            try {
                test.check(document, failures);
            } catch (RuntimeException e) {
                // Documents come from outside; a shape no test foresaw must reject the document, not crash the caller.
                if (unevaluableFails) {
                    failures.add(test.failure("", "The test could not be evaluated: " + e));
                }
            }
        }
        return List.copyOf(failures);
    }

    /** Orders "6.1.9" before "6.1.10" and "6.1.27.2" before "6.1.27.10". */
    private static int bySection(CsafTest left, CsafTest right) {
        String[] l = left.id().split("\\.");
        String[] r = right.id().split("\\.");
        for (int i = 0; i < Math.min(l.length, r.length); i++) {
            int result = Integer.compare(Integer.parseInt(l[i]), Integer.parseInt(r[i]));
            if (result != 0) {
                return result;
            }
        }
        return Integer.compare(l.length, r.length);
    }
}
