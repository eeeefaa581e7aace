package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herd.hub.csaf.RevisionHistory.Revision;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The optional tests of CSAF 2.0 section 6.2 on tracking: 6.2.4 Build Metadata in Revision History, 6.2.5 Older
 * Initial Release Date than Revision History, 6.2.6 Older Current Release Date than Revision History and 6.2.11
 * Missing Canonical URL.
 */
final class TrackingOptionalTests {

    private TrackingOptionalTests() {}

    static List<CsafTest> all() {
        return List.of(
                new RuleTest("6.2.4", "Build Metadata in Revision History", TrackingOptionalTests::buildMetadata),
                new RuleTest(
                        "6.2.5",
                        "Older Initial Release Date than Revision History",
                        TrackingOptionalTests::initialReleaseDate),
                new RuleTest(
                        "6.2.6",
                        "Older Current Release Date than Revision History",
                        TrackingOptionalTests::currentReleaseDate),
                new RuleTest("6.2.11", "Missing Canonical URL", TrackingOptionalTests::canonicalUrl));
    }

    private static void buildMetadata(JsonNode document, RuleTest.Failures warnings) {
        for (Revision revision : RevisionHistory.of(document)) {
            String number = revision.item().at("number").text();
            if (number != null && number.contains("+")) {
                warnings.add(revision.numberPath(), "Revision " + number + " includes build metadata.");
            }
        }
    }

    /** 6.2.5: the initial release date is not before the oldest revision. */
    private static void initialReleaseDate(JsonNode document, RuleTest.Failures warnings) {
        LocatedNode initial = RevisionHistory.tracking(document).at("initial_release_date");
        Optional<Instant> oldest = RevisionHistory.of(document).stream()
                .map(Revision::date)
                .filter(d -> d != null)
                .min(Comparator.naturalOrder());
        Optional<Instant> date = CsafDateTime.parse(initial.text());
        if (date.isPresent() && oldest.isPresent() && date.get().isBefore(oldest.get())) {
            warnings.add(
                    initial.path(),
                    "The initial release date " + initial.text() + " is before the oldest revision (" + oldest.get()
                            + ").");
        }
    }

    /** 6.2.6: the current release date is not before the newest revision. */
    private static void currentReleaseDate(JsonNode document, RuleTest.Failures warnings) {
        LocatedNode current = RevisionHistory.tracking(document).at("current_release_date");
        Optional<Instant> newest = RevisionHistory.of(document).stream()
                .map(Revision::date)
                .filter(d -> d != null)
                .max(Comparator.naturalOrder());
        Optional<Instant> date = CsafDateTime.parse(current.text());
        if (date.isPresent() && newest.isPresent() && date.get().isBefore(newest.get())) {
            warnings.add(
                    current.path(),
                    "The current release date " + current.text() + " is before the newest revision (" + newest.get()
                            + ").");
        }
    }

    /**
     * 6.2.11: a reference of category self points, over https, to the file named as section 5.1 prescribes: the
     * tracking ID in lower case, each run of characters other than {@code +}, {@code -}, a-z and 0-9 replaced by
     * {@code _}, then {@code .json}.
     */
    private static void canonicalUrl(JsonNode document, RuleTest.Failures warnings) {
        String id = RevisionHistory.tracking(document).at("id").text();
        if (id == null) {
            return;
        }
        String fileName = id.toLowerCase(Locale.ROOT).replaceAll("[^+\\-a-z0-9]+", "_") + ".json";
        LocatedNode references = LocatedNode.root(document).at("document").at("references");
        boolean canonical = references.items().stream()
                .filter(reference -> "self".equals(reference.at("category").text()))
                .map(reference -> reference.at("url").text())
                .anyMatch(url -> url != null && url.startsWith("https://") && url.endsWith("/" + fileName));
        if (!canonical) {
            warnings.add(
                    references.path(),
                    "No reference of category self gives the canonical https URL of " + fileName + ".");
        }
    }
}
