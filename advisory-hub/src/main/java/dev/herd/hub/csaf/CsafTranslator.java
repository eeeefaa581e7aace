package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herd.hub.advisory.AdvisoryStatement;
import dev.herd.hub.advisory.CvssRating;
import dev.herd.hub.advisory.CvssScorer;
import dev.herd.hub.advisory.Patch;
import dev.herd.hub.ingest.Issue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Reads a verified CSAF 2.0 document into one statement per vulnerability (a document often fixes several CVEs,
 * which are separate advisories). Each statement's id is {@code <tracking id>/<cve>}; its CVE is the merge key.
 * Vendor fixes become patches naming the CSAF document and its URL. Products with a purl or CPE helper become affected
 * packages and fixed versions ({@link CsafAffectedPackages}); affected products the hub cannot match are named in a
 * warning {@code csaf-products-unmatched} and logged.
 */
public final class CsafTranslator {

    private CsafTranslator() {}

    private static final Logger LOG = Logger.getLogger(CsafTranslator.class);

    /** Most unmatched products named in one warning; the count says how many there are. */
    private static final int UNMATCHED_NAMED = 10;

    /**
     * The statements of a verified document. Errors (a malformed vers) go to {@code errors}, and then there are no
     * statements; warnings (affected products not matched) to {@code warnings}.
     */
    public static List<AdvisoryStatement> translate(JsonNode csaf, List<Issue> errors, List<Issue> warnings) {
        CsafProducts products = CsafProducts.read(csaf, errors);
        if (!errors.isEmpty()) {
            return List.of();
        }
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
        List<LocatedNode> located = LocatedNode.root(csaf).at("vulnerabilities").items();
        for (int i = 0; i < vulnerabilities.size(); i++) {
            JsonNode vulnerability = vulnerabilities.get(i);
            String cve = vulnerability.path("cve").asText(null);
            String key = cve != null ? cve : "vulnerability-" + (i + 1);
            String description = note(vulnerability.path("notes"), "description");
            CsafAffectedPackages.Result packages = CsafAffectedPackages.of(located.get(i), products);
            unmatched(trackingId, i, packages.unmatched(), warnings);
            List<Patch> patches = new ArrayList<>(patches(trackingId, vulnerability));
            packages.patches()
                    .forEach(patch -> patches.add(
                            new Patch(patch.ecosystem(), patch.packageName(), patch.fixedVersion(), trackingId, null)));
            statements.add(new AdvisoryStatement(
                    trackingId + "/" + key,
                    cve == null ? List.of() : List.of(cve),
                    AdvisoryStatement.title(vulnerability
                            .path("title")
                            .asText(document.path("title").asText(null))),
                    description != null ? description : summary,
                    rating(vulnerability),
                    packages.affected(),
                    patches,
                    List.of(),
                    references,
                    false,
                    published,
                    modified,
                    false));
        }
        return statements;
    }

    private static void unmatched(String trackingId, int index, List<String> products, List<Issue> warnings) {
        if (products.isEmpty()) {
            return;
        }
        String named = String.join(", ", products.subList(0, Math.min(products.size(), UNMATCHED_NAMED)))
                + (products.size() > UNMATCHED_NAMED ? ", …" : "");
        String message = "/vulnerabilities/" + index + "/product_status: " + products.size()
                + " affected product(s) not matched to packages, so they give no findings: " + named;
        warnings.add(new Issue("csaf-products-unmatched", message));
        LOG.infof("CSAF %s: %s", trackingId, message);
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
