package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** CSAF 2.0 6.1.24: within one vulnerability, no party has more than one involvement at the same date. */
final class MultipleDefinitionInInvolvements implements CsafTest {

    @Override
    public String id() {
        return "6.1.24";
    }

    @Override
    public String name() {
        return "Multiple Definition in Involvements";
    }

    @Override
    public void check(JsonNode document, List<CsafTestFailure> failures) {
        for (LocatedNode vulnerability : ProductTree.vulnerabilities(document)) {
            Map<String, String> firstInvolvement = new HashMap<>();
            for (LocatedNode involvement : vulnerability.at("involvements").items()) {
                String party = involvement.at("party").text();
                String date = involvement.at("date").text();
                if (party == null) {
                    continue;
                }
                // The same moment written with different offsets is the same date.
                String moment = CsafDateTime.parse(date).map(Object::toString).orElse(String.valueOf(date));
                String first = firstInvolvement.putIfAbsent(party + "|" + moment, involvement.path());
                if (first != null) {
                    failures.add(failure(
                            involvement.path(),
                            "Party '" + party + "' already has an involvement at " + first + " with the same date"
                                    + (date == null ? " (none)." : " " + date + ".")));
                }
            }
        }
    }
}
