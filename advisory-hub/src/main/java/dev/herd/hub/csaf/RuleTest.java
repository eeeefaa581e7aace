package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A CSAF test given by a rule function; families of small tests (revision history, profiles) are built from these. */
record RuleTest(String id, String name, Rule rule) implements CsafTest {

    /** Inspects a document and reports each failure with its JSON pointer and message. */
    @FunctionalInterface
    interface Rule {
        void check(JsonNode document, Failures failures);
    }

    @FunctionalInterface
    interface Failures {
        void add(String path, String message);
    }

    @Override
    public void check(JsonNode document, List<CsafTestFailure> failures) {
        rule.check(document, (path, message) -> failures.add(failure(path, message)));
    }
}
