package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CSAF 2.0 6.1.26: a document of the profile "CSAF Base" does not use a category that only differs in case, dashes,
 * underscores or whitespace from the name or value of another profile, nor the reserved prefix {@code csaf_}.
 */
final class ProhibitedDocumentCategoryName implements CsafTest {

    /** The categories of the five profiles of CSAF 2.0 section 4, to which this test does not apply. */
    static final Set<String> PROFILE_CATEGORIES = Set.of(
            "csaf_base",
            "csaf_security_incident_response",
            "csaf_informational_advisory",
            "csaf_security_advisory",
            "csaf_vex");

    /** Names and values of the profiles other than "CSAF Base", normalized. */
    private static final Set<String> PROHIBITED = Set.of(
            "securityincidentresponse",
            "informationaladvisory",
            "securityadvisory",
            "vex",
            "csafsecurityincidentresponse",
            "csafinformationaladvisory",
            "csafsecurityadvisory",
            "csafvex");

    @Override
    public String id() {
        return "6.1.26";
    }

    @Override
    public String name() {
        return "Prohibited Document Category Name";
    }

    @Override
    public void check(JsonNode document, List<CsafTestFailure> failures) {
        LocatedNode category = LocatedNode.root(document).at("document").at("category");
        String value = category.text();
        if (value == null || PROFILE_CATEGORIES.contains(value)) {
            return;
        }
        if (value.toLowerCase(Locale.ROOT).startsWith("csaf_")) {
            failures.add(failure(
                    category.path(),
                    "Category '" + value + "' uses the prefix csaf_, which is reserved for profiles."));
        } else if (PROHIBITED.contains(normalize(value))) {
            failures.add(failure(
                    category.path(), "Category '" + value + "' is the name of a CSAF profile other than CSAF Base."));
        }
    }

    private static String normalize(String value) {
        return value.toLowerCase(Locale.ROOT).replaceAll("[-_\\s]", "");
    }
}
