package dev.herd.hub.kev;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herd.hub.advisory.AdvisoryStatement;
import dev.herd.hub.ingest.Issue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the CISA Known Exploited Vulnerabilities catalogue: each entry is a statement that its CVE is exploited in
 * the wild, with CISA's name for it, the required action and the date it was added.
 */
public final class KevTranslator {

    private static final Pattern CVE = Pattern.compile("^CVE-\\d{4}-\\d{4,}$");

    private KevTranslator() {}

    /** The catalogue's version, used as its document id ({@code KEV-2025.08.25}). */
    public static String catalogueId(JsonNode catalogue) {
        return "KEV-" + catalogue.path("catalogVersion").asText("unknown");
    }

    /** Structural errors of the catalogue; an entry without a valid CVE id or date makes the whole catalogue bad. */
    public static List<Issue> check(JsonNode catalogue) {
        List<Issue> errors = new ArrayList<>();
        if (!catalogue.path("vulnerabilities").isArray()) {
            errors.add(new Issue("kev-structure", "'vulnerabilities' must be an array."));
            return errors;
        }
        JsonNode entries = catalogue.get("vulnerabilities");
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String cve = entry.path("cveID").asText("");
            if (!CVE.matcher(cve).matches()) {
                errors.add(
                        new Issue("kev-entry-cve", "vulnerabilities[" + i + "].cveID '" + cve + "' is not a CVE id."));
            }
            try {
                LocalDate.parse(entry.path("dateAdded").asText(""));
            } catch (DateTimeParseException e) {
                errors.add(new Issue(
                        "kev-entry-date", "vulnerabilities[" + i + "].dateAdded is not a date (YYYY-MM-DD)."));
            }
        }
        return errors;
    }

    public static List<AdvisoryStatement> translate(JsonNode catalogue) {
        List<AdvisoryStatement> statements = new ArrayList<>();
        for (JsonNode entry : catalogue.path("vulnerabilities")) {
            String cve = entry.get("cveID").asText();
            Instant added = LocalDate.parse(entry.get("dateAdded").asText())
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
            String action = entry.path("requiredAction").asText("");
            String description = entry.path("shortDescription").asText("")
                    + (action.isEmpty() ? "" : "\n\nRequired action (CISA): " + action);
            statements.add(new AdvisoryStatement(
                    "KEV:" + cve,
                    List.of(cve),
                    AdvisoryStatement.title(entry.path("vulnerabilityName").asText(null)),
                    description.strip(),
                    null,
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    true,
                    added,
                    added,
                    false));
        }
        return statements;
    }
}
