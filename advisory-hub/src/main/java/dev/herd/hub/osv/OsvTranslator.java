package dev.herd.hub.osv;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herd.hub.advisory.AdvisoryStatement;
import dev.herd.hub.advisory.AffectedPackage;
import dev.herd.hub.advisory.CvssRating;
import dev.herd.hub.advisory.CvssScorer;
import dev.herd.hub.advisory.Patch;
import dev.herd.hub.advisory.RangeEvent;
import dev.herd.hub.advisory.Severity;
import dev.herd.hub.advisory.VersionRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads a schema-valid OSV record into Herd's canonical statement. */
public final class OsvTranslator {

    private OsvTranslator() {}

    public static AdvisoryStatement translate(JsonNode osv) {
        List<AffectedPackage> affected = new ArrayList<>();
        List<Patch> patches = new ArrayList<>();
        for (JsonNode entry : osv.path("affected")) {
            JsonNode pkg = entry.path("package");
            if (!pkg.hasNonNull("ecosystem") || !pkg.hasNonNull("name")) {
                continue; // OSV allows affected entries without a package (GIT ranges only): nothing to match on
            }
            String ecosystem = pkg.get("ecosystem").asText();
            String name = pkg.get("name").asText();
            List<VersionRange> ranges = new ArrayList<>();
            for (JsonNode range : entry.path("ranges")) {
                List<RangeEvent> events = new ArrayList<>();
                for (JsonNode event : range.path("events")) {
                    events.add(new RangeEvent(
                            text(event, "introduced"),
                            text(event, "fixed"),
                            text(event, "last_affected"),
                            text(event, "limit")));
                    if (event.hasNonNull("fixed")
                            && !"GIT".equals(range.path("type").asText())) {
                        patches.add(
                                new Patch(ecosystem, name, event.get("fixed").asText(), null, null));
                    }
                }
                ranges.add(new VersionRange(range.path("type").asText(), events));
            }
            affected.add(new AffectedPackage(
                    ecosystem,
                    name,
                    text(pkg, "purl"),
                    ranges,
                    strings(entry.path("versions")),
                    strings(entry.path("ecosystem_specific").path("arch")),
                    null));
        }
        List<String> references = new ArrayList<>();
        osv.path("references").forEach(ref -> references.add(ref.path("url").asText()));
        String summary = text(osv, "summary");
        String details = text(osv, "details");
        return new AdvisoryStatement(
                osv.get("id").asText(),
                strings(osv.path("aliases")),
                AdvisoryStatement.title(summary != null ? summary : firstLine(details)),
                details,
                rating(osv),
                affected,
                patches,
                List.of(),
                references,
                false,
                instant(osv, "published"),
                Instant.parse(osv.get("modified").asText()),
                osv.hasNonNull("withdrawn"));
    }

    /** CVSS from the {@code severity} list (the newest CVSS version wins), else the database's own severity word. */
    private static CvssRating rating(JsonNode osv) {
        CvssRating best = null;
        for (JsonNode severity : osv.path("severity")) {
            if (severity.path("type").asText().startsWith("CVSS_")) {
                CvssRating rating = CvssScorer.rate(severity.path("score").asText(), null);
                if (rating != null && (best == null || rating.vector().compareTo(best.vector()) > 0)) {
                    best = rating;
                }
            }
        }
        if (best != null) {
            return best;
        }
        // Without CVSS, the database's own word: GHSA's "severity", Debian's changelog "urgency".
        JsonNode database = osv.path("database_specific");
        Severity word =
                severityWord(database.hasNonNull("severity") ? text(database, "severity") : text(database, "urgency"));
        return word == null ? null : new CvssRating(null, null, word);
    }

    private static Severity severityWord(String word) {
        if (word == null) {
            return null;
        }
        return switch (word.strip().toUpperCase(Locale.ROOT)) {
            case "CRITICAL", "EMERGENCY" -> Severity.CRITICAL;
            case "HIGH", "IMPORTANT" -> Severity.HIGH;
            case "MODERATE", "MEDIUM" -> Severity.MEDIUM;
            case "LOW" -> Severity.LOW;
            default -> null;
        };
    }

    private static String firstLine(String text) {
        return text == null ? null : text.strip().lines().findFirst().orElse(null);
    }

    private static Instant instant(JsonNode node, String field) {
        return node.hasNonNull(field) ? Instant.parse(node.get(field).asText()) : null;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
