package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herd.hub.csaf.RevisionHistory.Revision;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tests of CSAF 2.0 section 6.1 on the order and completeness of the revision history: 6.1.14 Sorted Revision
 * History, 6.1.21 Missing Item in Revision History and 6.1.22 Multiple Definition in Revision History.
 */
final class RevisionHistoryTests {

    private RevisionHistoryTests() {}

    static List<CsafTest> all() {
        return List.of(
                new RuleTest("6.1.14", "Sorted Revision History", RevisionHistoryTests::sorted),
                new RuleTest("6.1.21", "Missing Item in Revision History", RevisionHistoryTests::noMissingItem),
                new RuleTest("6.1.22", "Multiple Definition in Revision History", RevisionHistoryTests::noDuplicate));
    }

    /** 6.1.14: sorted by date, the numbers ascend too. */
    private static void sorted(JsonNode document, RuleTest.Failures failures) {
        List<Revision> revisions = RevisionHistory.sortedByDate(document);
        for (int i = 1; i < revisions.size(); i++) {
            Revision earlier = revisions.get(i - 1);
            Revision later = revisions.get(i);
            if (earlier.number().compareTo(later.number()) > 0) {
                failures.add(
                        later.numberPath(),
                        "Revision " + later.number().text() + " of " + later.date() + " is dated after revision "
                                + earlier.number().text() + " of " + earlier.date() + " but has a lower number.");
            }
        }
    }

    /**
     * 6.1.21: sorted by date, the (major) version numbers start at 0 or 1 and never skip a number. With semantic
     * versioning only the major version counts.
     */
    private static void noMissingItem(JsonNode document, RuleTest.Failures failures) {
        List<Revision> revisions = RevisionHistory.sortedByDate(document);
        if (revisions.isEmpty()) {
            return;
        }
        Revision first = revisions.get(0);
        if (first.number().major().compareTo(BigInteger.ONE) > 0) {
            failures.add(
                    first.numberPath(),
                    "The first revision is " + first.number().text() + "; it must be (major version) 0 or 1.");
        }
        for (int i = 1; i < revisions.size(); i++) {
            BigInteger previous = revisions.get(i - 1).number().major();
            Revision revision = revisions.get(i);
            if (revision.number().major().subtract(previous).compareTo(BigInteger.ONE) > 0) {
                failures.add(
                        revision.numberPath(),
                        "The revision history skips from (major) version " + previous + " to "
                                + revision.number().major() + ".");
            }
        }
    }

    /** 6.1.22: no two revisions have the same number. */
    private static void noDuplicate(JsonNode document, RuleTest.Failures failures) {
        Map<String, String> firstUse = new HashMap<>();
        for (LocatedNode item :
                RevisionHistory.tracking(document).at("revision_history").items()) {
            String number = item.at("number").text();
            String first = number == null ? null : firstUse.putIfAbsent(number, item.path());
            if (first != null) {
                failures.add(item.at("number").path(), "Version " + number + " is already listed at " + first + ".");
            }
        }
    }
}
