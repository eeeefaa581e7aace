package dev.herd.hub.osv;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herd.hub.ingest.Issue;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Range sanity beyond the schema: every range must say where it starts (an {@code introduced} event), and a range
 * whose {@code introduced} equals its {@code fixed} affects nothing, which is almost always a data error.
 */
public final class OsvRangeChecks {

    private OsvRangeChecks() {}

    public static void check(JsonNode document, List<Issue> errors, List<Issue> warnings) {
        // It also runs on schema failures, so "affected" and "ranges" may be objects, whose get(int) is null.
        JsonNode affected = document.path("affected");
        for (int a = 0; affected.isArray() && a < affected.size(); a++) {
            JsonNode ranges = affected.get(a).path("ranges");
            for (int r = 0; ranges.isArray() && r < ranges.size(); r++) {
                String where = "affected[" + a + "].ranges[" + r + "]";
                Set<String> introduced = new HashSet<>();
                Set<String> fixed = new HashSet<>();
                for (JsonNode event : ranges.get(r).path("events")) {
                    if (event.hasNonNull("introduced")) {
                        introduced.add(event.get("introduced").asText());
                    }
                    if (event.hasNonNull("fixed")) {
                        fixed.add(event.get("fixed").asText());
                    }
                }
                if (introduced.isEmpty()) {
                    errors.add(new Issue(
                            "osv-range-without-introduced",
                            where + " has no 'introduced' event: where does it start?"));
                }
                introduced.retainAll(fixed);
                for (String version : introduced) {
                    warnings.add(new Issue(
                            "osv-range-empty",
                            where + " is introduced and fixed in " + version + ": it affects no version."));
                }
            }
        }
    }
}
