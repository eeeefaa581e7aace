package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herd.hub.advisory.AdvisoryStatement;
import dev.herd.hub.advisory.CvssRating;
import dev.herd.hub.advisory.CvssScorer;
import dev.herd.hub.advisory.Patch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a verified CSAF 2.0 document into one statement per vulnerability (a document often fixes several CVEs,
 * which are separate advisories). Each statement's id is {@code <tracking id>/<cve>}; its CVE is the merge key.
 * Vendor fixes become patches naming the CSAF document and its URL. Products are not yet turned into matchable
 * packages (product trees name vendor products, not ecosystem packages).
 */
public final class CsafTranslator {

    private CsafTranslator() {}

    public static List<AdvisoryStatement> translate(JsonNode csaf) {
        JsonNode document = csaf.path("document");
        JsonNode tracking = document.path("tracking");
        String trackingId = tracking.path("id").asText();
        Instant published = CsafDateTime.parse(
                        tracking.path("initial_release_date").asText())
                .orElseThrow();
        Instant modified = CsafDateTime.parse(
                        tracking.path("current_release_date").asText())
                .orElseThrow();
        List<String> references = new ArrayList<>();
        document.path("references")
                .forEach(ref -> references.add(ref.path("url").asText()));
        String summary = note(document.path("notes"), "summary");

        List<AdvisoryStatement> statements = new ArrayList<>();
        JsonNode vulnerabilities = csaf.path("vulnerabilities");
        for (int i = 0; i < vulnerabilities.size(); i++) {
            JsonNode vulnerability = vulnerabilities.get(i);
            String cve = vulnerability.path("cve").asText(null);
            String key = cve != null ? cve : "vulnerability-" + (i + 1);
            String description = note(vulnerability.path("notes"), "description");
            statements.add(new AdvisoryStatement(
                    trackingId + "/" + key,
                    cve == null ? List.of() : List.of(cve),
                    AdvisoryStatement.title(vulnerability
                            .path("title")
                            .asText(document.path("title").asText(null))),
                    description != null ? description : summary,
                    rating(vulnerability),
                    List.of(),
                    patches(trackingId, vulnerability),
                    List.of(),
                    references,
                    false,
                    published,
                    modified,
                    false));
        }
        return statements;
    }

    private static CvssRating rating(JsonNode vulnerability) {
        for (JsonNode score : vulnerability.path("scores")) {
            for (String version : List.of("cvss_v3", "cvss_v2")) {
                JsonNode cvss = score.path(version);
                if (cvss.hasNonNull("vectorString")) {
                    return CvssScorer.rate(
                            cvss.get("vectorString").asText(),
                            cvss.hasNonNull("baseScore") ? cvss.get("baseScore").asDouble() : null);
                }
            }
        }
        return null;
    }

    private static List<Patch> patches(String trackingId, JsonNode vulnerability) {
        List<Patch> patches = new ArrayList<>();
        for (JsonNode remediation : vulnerability.path("remediations")) {
            if ("vendor_fix".equals(remediation.path("category").asText())) {
                patches.add(new Patch(
                        null, null, null, trackingId, remediation.path("url").asText(null)));
            }
        }
        return patches;
    }

    private static String note(JsonNode notes, String category) {
        for (JsonNode note : notes) {
            if (category.equals(note.path("category").asText())) {
                return note.path("text").asText(null);
            }
        }
        return null;
    }
}
