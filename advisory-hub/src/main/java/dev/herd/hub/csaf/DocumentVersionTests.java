package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herd.hub.csaf.RevisionHistory.Revision;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The tests of CSAF 2.0 section 6.1 relating the document version, its status and the revision numbers: 6.1.16,
 * 6.1.17, 6.1.18, 6.1.19, 6.1.20 and 6.1.30.
 */
final class DocumentVersionTests {

    private static final Set<String> RELEASED = Set.of("final", "interim");

    private DocumentVersionTests() {}

    static List<CsafTest> all() {
        return List.of(
                new RuleTest("6.1.16", "Latest Document Version", DocumentVersionTests::latestVersion),
                new RuleTest("6.1.17", "Document Status Draft", DocumentVersionTests::draftStatus),
                new RuleTest("6.1.18", "Released Revision History", DocumentVersionTests::releasedHistory),
                new RuleTest(
                        "6.1.19",
                        "Revision History Entries for Pre-release Versions",
                        DocumentVersionTests::noPreReleaseRevision),
                new RuleTest("6.1.20", "Non-draft Document Version", DocumentVersionTests::nonDraftVersion),
                new RuleTest(
                        "6.1.30",
                        "Mixed Integer and Semantic Versioning",
                        DocumentVersionTests::homogeneousVersioning));
    }

    /**
     * 6.1.16: the document version is the number of the latest revision, ignoring build metadata, and for drafts
     * also the pre-release part.
     */
    private static void latestVersion(JsonNode document, RuleTest.Failures failures) {
        List<Revision> revisions = RevisionHistory.sortedByDate(document);
        Optional<DocumentVersion> version = version(document);
        if (revisions.isEmpty() || version.isEmpty()) {
            return;
        }
        DocumentVersion latest = revisions.get(revisions.size() - 1).number();
        boolean draft = "draft".equals(status(document));
        String expected = draft ? latest.withoutPreReleaseAndBuild() : latest.withoutBuild();
        String actual = draft
                ? version.get().withoutPreReleaseAndBuild()
                : version.get().withoutBuild();
        if (!expected.equals(actual)) {
            failures.add(
                    versionNode(document).path(),
                    "The document version is " + version.get().text() + " but the latest revision is " + latest.text()
                            + ".");
        }
    }

    /** 6.1.17: version 0, 0.y.z or a pre-release is only allowed for drafts. */
    private static void draftStatus(JsonNode document, RuleTest.Failures failures) {
        Optional<DocumentVersion> version = version(document);
        String status = status(document);
        if (version.isPresent()
                && (version.get().isBeforeFirstRelease() || version.get().isPreRelease())
                && status != null
                && !status.equals("draft")) {
            failures.add(
                    RevisionHistory.tracking(document).at("status").path(),
                    "The document version is " + version.get().text() + " but the status is " + status
                            + ", not draft.");
        }
    }

    /** 6.1.18: a final or interim document has no revision 0 or 0.y.z. */
    private static void releasedHistory(JsonNode document, RuleTest.Failures failures) {
        String status = status(document);
        if (status == null || !RELEASED.contains(status)) {
            return;
        }
        for (Revision revision : RevisionHistory.of(document)) {
            if (revision.number() != null && revision.number().isBeforeFirstRelease()) {
                failures.add(
                        revision.numberPath(),
                        "The document is " + status + " but its revision history contains version "
                                + revision.number().text() + ".");
            }
        }
    }

    /** 6.1.19: no revision number has a pre-release part. */
    private static void noPreReleaseRevision(JsonNode document, RuleTest.Failures failures) {
        for (Revision revision : RevisionHistory.of(document)) {
            if (revision.number() != null && revision.number().isPreRelease()) {
                failures.add(
                        revision.numberPath(), "Revision " + revision.number().text() + " is a pre-release version.");
            }
        }
    }

    /** 6.1.20: a final or interim document version has no pre-release part. */
    private static void nonDraftVersion(JsonNode document, RuleTest.Failures failures) {
        Optional<DocumentVersion> version = version(document);
        String status = status(document);
        if (version.isPresent() && version.get().isPreRelease() && status != null && RELEASED.contains(status)) {
            failures.add(
                    versionNode(document).path(),
                    "The document is " + status + " but its version "
                            + version.get().text() + " is a pre-release.");
        }
    }

    /** 6.1.30: the document version and all revision numbers use the same kind of versioning. */
    private static void homogeneousVersioning(JsonNode document, RuleTest.Failures failures) {
        Optional<DocumentVersion> version = version(document);
        if (version.isEmpty()) {
            return;
        }
        boolean integer = version.get().integer();
        for (Revision revision : RevisionHistory.of(document)) {
            if (revision.number() != null && revision.number().integer() != integer) {
                failures.add(
                        revision.numberPath(),
                        "Revision " + revision.number().text() + " uses " + kind(!integer)
                                + " versioning but the document version "
                                + version.get().text() + " uses "
                                + kind(integer) + " versioning.");
            }
        }
    }

    private static String kind(boolean integer) {
        return integer ? "integer" : "semantic";
    }

    private static LocatedNode versionNode(JsonNode document) {
        return RevisionHistory.tracking(document).at("version");
    }

    private static Optional<DocumentVersion> version(JsonNode document) {
        return DocumentVersion.parse(versionNode(document).text());
    }

    private static String status(JsonNode document) {
        return RevisionHistory.tracking(document).at("status").text();
    }
}
