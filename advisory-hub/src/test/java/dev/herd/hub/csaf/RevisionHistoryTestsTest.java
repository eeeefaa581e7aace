package dev.herd.hub.csaf;

import static dev.herd.hub.csaf.CsafDocuments.add;
import static dev.herd.hub.csaf.CsafDocuments.json;
import static dev.herd.hub.csaf.CsafDocuments.load;
import static dev.herd.hub.csaf.CsafDocuments.set;
import static dev.herd.hub.csaf.MandatoryTestAssertions.assertFailsAlongWith;
import static dev.herd.hub.csaf.MandatoryTestAssertions.assertOnlyFails;
import static dev.herd.hub.csaf.MandatoryTestAssertions.assertPasses;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Failing fixtures for the tests on the document version, status and revision history (6.1.14 to 6.1.22, 6.1.30). */
class RevisionHistoryTestsTest {

    private static final String TRACKING = "/document/tracking";
    private static final String HISTORY = TRACKING + "/revision_history";

    /** Semantic versioning: seven revisions from 1.0.0 to 3.0.0, final. */
    private static ObjectNode semantic() {
        return load("cisco-sa-20180328-smi2.json");
    }

    /** Integer versioning: one revision 1 of 2021-12-20, final. */
    private static ObjectNode integer() {
        return load("rhsa-2021_5217.json");
    }

    private static ObjectNode revision(String date, String number) {
        return (ObjectNode)
                json("{\"date\": \"%s\", \"number\": \"%s\", \"summary\": \"Changes.\"}".formatted(date, number));
    }

    @Test
    void numbersDescendingWhileDatesAscend() {
        ObjectNode document = set(semantic(), HISTORY + "/0/number", "1.1.0");
        set(document, HISTORY + "/1/number", "1.0.0");

        assertOnlyFails(document, "6.1.14", HISTORY + "/1/number");
    }

    @Test
    void documentVersionIsNotTheLatestRevision() {
        ObjectNode document = set(semantic(), TRACKING + "/version", "2.0.0");

        assertOnlyFails(document, "6.1.16", TRACKING + "/version");
    }

    @Test
    void latestRevisionIsFoundByDateNotByPosition() {
        ObjectNode document = semantic();
        ObjectNode latest = (ObjectNode) document.at(HISTORY + "/6");
        ((ArrayNode) document.at(HISTORY)).remove(6);
        ((ArrayNode) document.at(HISTORY)).insert(0, latest);

        assertPasses(document);
    }

    @Test
    void buildMetadataAndDraftPreReleaseAreIgnoredForTheLatestVersion() {
        ObjectNode document = set(integer(), TRACKING + "/status", "draft");
        set(document, HISTORY, json("[]"));
        add(document, HISTORY, revision("2021-12-20T16:16:00Z", "1.0.0+build.7"));
        set(document, TRACKING + "/version", "1.0.0-rc.2");

        assertPasses(document);
    }

    @Test
    void versionBeforeFirstReleaseIsNotDraft() {
        ObjectNode document = set(integer(), TRACKING + "/version", "0");
        set(document, HISTORY + "/0/number", "0");

        // A final document with version 0 necessarily has revision 0 in its history, which 6.1.18 forbids too.
        assertFailsAlongWith(document, "6.1.17", TRACKING + "/status", "6.1.18");
        assertPasses(set(document, TRACKING + "/status", "draft"));
    }

    @Test
    void finalDocumentWithRevisionZero() {
        ObjectNode document = integer();
        ((ArrayNode) document.at(HISTORY)).insert(0, revision("2021-12-19T10:00:00Z", "0"));

        assertOnlyFails(document, "6.1.18", HISTORY + "/0/number");
    }

    @Test
    void preReleaseRevision() {
        ObjectNode document = semantic();
        ((ArrayNode) document.at(HISTORY)).insert(0, revision("2018-03-27T10:00:00Z", "1.0.0-rc"));

        assertOnlyFails(document, "6.1.19", HISTORY + "/0/number");
    }

    @Test
    void finalDocumentWithPreReleaseVersion() {
        ObjectNode document = set(semantic(), TRACKING + "/version", "3.0.0-rc");

        // A pre-release also fails 6.1.17 (status must be draft), and 3.0.0-rc is not the latest revision 3.0.0.
        assertFailsAlongWith(document, "6.1.20", TRACKING + "/version", "6.1.16", "6.1.17");
    }

    @Test
    void skippedVersion() {
        ObjectNode document = add(integer(), HISTORY, revision("2021-12-21T10:00:00Z", "3"));
        set(document, TRACKING + "/version", "3");

        assertOnlyFails(document, "6.1.21", HISTORY + "/1/number");
        set(document, HISTORY + "/1/number", "2");
        set(document, TRACKING + "/version", "2");
        assertPasses(document);
    }

    @Test
    void historyStartingAfterVersionOne() {
        ObjectNode document = set(integer(), HISTORY + "/0/number", "2");
        set(document, TRACKING + "/version", "2");

        assertOnlyFails(document, "6.1.21", HISTORY + "/0/number");
    }

    @Test
    void sameVersionTwice() {
        ObjectNode document = add(integer(), HISTORY, revision("2021-12-21T10:00:00Z", "1"));

        assertOnlyFails(document, "6.1.22", HISTORY + "/1/number");
    }

    @Test
    void integerAndSemanticVersioningMixed() {
        ObjectNode document = set(semantic(), HISTORY + "/6/number", "3");
        set(document, TRACKING + "/version", "3");

        assertOnlyFails(document, "6.1.30", HISTORY + "/0/number");
    }
}
