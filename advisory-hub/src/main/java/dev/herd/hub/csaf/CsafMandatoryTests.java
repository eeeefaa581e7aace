package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every mandatory test of CSAF 2.0 section 6.1 (6.1.1 to 6.1.33, with the profile tests 6.1.27.1 to 6.1.27.11)
 * on a document. A document is valid only if it matches the JSON schema and no mandatory test fails.
 *
 * <p>6.1.11 (CWE) checks ids and names against the CWE catalogue shipped with the hub ({@link CweCatalogue}); 6.1.12
 * (Language) is limited by what is available offline: it knows the ISO 639-1 and ISO 3166-1 codes but not the whole
 * IANA subtag registry ({@link LanguageValidity}).
 *
 * <p>Create one instance and reuse it: it loads the CVSS schemas once; it is safe to share between threads.
 */
public final class CsafMandatoryTests {

    private final CsafTestSuite suite;

    public CsafMandatoryTests() {
        List<CsafTest> tests = new ArrayList<>(List.of(
                new MissingProductIdDefinition(),
                new MultipleProductIdDefinition(),
                new CircularProductIdDefinition(),
                new MissingProductGroupIdDefinition(),
                new MultipleProductGroupIdDefinition(),
                new ContradictingProductStatus(),
                new MultipleScoresWithSameVersion(),
                new InvalidCvss(),
                new InvalidCvssComputation(),
                new InconsistentCvss(),
                new CweValidity(),
                new LanguageValidity(),
                new PurlValidity(),
                new TranslatorSourceLanguage(),
                new MultipleUseOfSameCve(),
                new MultipleDefinitionInInvolvements(),
                new MultipleUseOfSameHashAlgorithm(),
                new ProhibitedDocumentCategoryName(),
                new TranslationLanguages(),
                ItemsWithoutProductReference.remediations(),
                new VersionRangeInProductVersion(),
                ItemsWithoutProductReference.flags(),
                new MultipleVexJustificationFlags()));
        tests.addAll(RevisionHistoryTests.all());
        tests.addAll(DocumentVersionTests.all());
        tests.addAll(ProfileTests.all());
        this.suite = new CsafTestSuite(tests);
    }

    /** The tests this runs, in the order of the specification. */
    public List<CsafTest> tests() {
        return suite.tests();
    }

    /** Every failure of every mandatory test; empty if the document passes them all. */
    public List<CsafTestFailure> run(JsonNode document) {
        return suite.run(document, true);
    }

    /**
     * The failures of the tests that can be run on a document that breaks the JSON schema, so that a rejection names
     * every §6.1 test it fails as the reference validators do; a test the document's shape keeps from running is left
     * out (the schema errors already reject the document).
     */
    public List<CsafTestFailure> runWhereApplicable(JsonNode document) {
        return suite.run(document, false);
    }
}
