package dev.herd.hub.osv;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herd.hub.ingest.Issue;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;

/** The OSV timestamps the translator reads as instants; the schema names their format but does not assert it. */
public final class OsvDates {

    private static final List<String> FIELDS = List.of("modified", "published");

    private OsvDates() {}

    public static void check(JsonNode document, List<Issue> errors) {
        for (String field : FIELDS) {
            JsonNode value = document.get(field);
            if (value == null || value.isNull()) {
                continue; // "modified" missing is the schema's error
            }
            try {
                Instant.parse(value.asText());
            } catch (DateTimeException e) {
                errors.add(new Issue(
                        "osv-schema", "/" + field + ": '" + value.asText() + "' is not an RFC 3339 UTC timestamp"));
            }
        }
    }
}
