package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** The items of {@code /document/tracking/revision_history} with their date and number parsed. */
final class RevisionHistory {

    /** One revision; {@code date} or {@code number} is {@code null} if it is missing or malformed. */
    record Revision(LocatedNode item, Instant date, DocumentVersion number) {

        String numberPath() {
            return item.at("number").path();
        }
    }

    private RevisionHistory() {}

    static LocatedNode tracking(JsonNode document) {
        return LocatedNode.root(document).at("document").at("tracking");
    }

    /** All revisions, in document order. */
    static List<Revision> of(JsonNode document) {
        return tracking(document).at("revision_history").items().stream()
                .map(item -> new Revision(
                        item,
                        CsafDateTime.parse(item.at("date").text()).orElse(null),
                        DocumentVersion.parse(item.at("number").text()).orElse(null)))
                .toList();
    }

    /**
     * The revisions with a valid date and number, sorted ascending by date. The specification leaves the order of
     * revisions with the same date open; they are ordered by number, so only a date order contradicting the number
     * order can fail a test.
     */
    static List<Revision> sortedByDate(JsonNode document) {
        return of(document).stream()
                .filter(revision -> revision.date() != null && revision.number() != null)
                .sorted(Comparator.comparing(Revision::date).thenComparing(Revision::number))
                .toList();
    }
}
