package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herd.hub.ingest.Issue;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Verifies a CSAF 2.0 document before use: the JSON schema, then every mandatory test of section 6.1 (each failure
 * is an error naming the test, e.g. {@code 6.1.1 Missing Definition of Product ID}), and the optional tests of 6.2
 * as warnings. A document that breaks the schema still goes through the mandatory tests that can run on it, so its
 * rejection names each §6.1 test it fails too (an invalid CVSS v3 object is a schema error and 6.1.8).
 */
@ApplicationScoped
public class CsafVerification {

    private final CsafSchemaValidator schema = new CsafSchemaValidator();
    private final CsafMandatoryTests mandatory = new CsafMandatoryTests();
    private final CsafOptionalTests optional = new CsafOptionalTests();

    public void check(JsonNode document, List<Issue> errors, List<Issue> warnings) {
        schema.validate(document).forEach(v -> errors.add(new Issue("csaf-schema", v.path() + ": " + v.message())));
        if (!errors.isEmpty()) {
            mandatory.runWhereApplicable(document).forEach(f -> errors.add(issue(f)));
            return;
        }
        // The schema names these date-times, but its "format" is not asserted; the translator needs them as instants.
        for (String field : List.of("initial_release_date", "current_release_date")) {
            String text = document.path("document").path("tracking").path(field).asText(null);
            if (CsafDateTime.parse(text).isEmpty()) {
                errors.add(new Issue(
                        "csaf-schema",
                        "/document/tracking/" + field + ": '" + text + "' is not an RFC 3339 date-time"));
            }
        }
        if (!errors.isEmpty()) {
            return;
        }
        mandatory.run(document).forEach(f -> errors.add(issue(f)));
        optional.run(document).forEach(f -> warnings.add(issue(f)));
    }

    private static Issue issue(CsafTestFailure failure) {
        return new Issue(
                "csaf-" + failure.testId(),
                failure.testId() + " " + failure.testName() + " at " + failure.path() + ": " + failure.message());
    }
}
