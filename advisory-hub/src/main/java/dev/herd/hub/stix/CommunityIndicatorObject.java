package dev.herd.hub.stix;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herd.contracts.damage.DamageReport;
import dev.herd.hub.community.CommunityAdvisoryView;
import java.time.Instant;
import java.util.List;

/**
 * A community advisory as a STIX 2.1 indicator: its pattern, Herd as creator, TLP:GREEN, the advisory id as an external
 * reference, and its provenance as counts only: how many independent origins confirmed it (which sets
 * {@code confidence}) and since when. No tenant, no origin pseudonym and no report text is ever in it.
 */
public final class CommunityIndicatorObject {

    private CommunityIndicatorObject() {}

    /**
     * The object for {@code view} at version {@code modified}; {@code created} is when the advisory was made. A revoked
     * advisory gives the revoked object (STIX 2.1 §3.6), same id.
     */
    public static ObjectNode of(
            CommunityAdvisoryView view, List<DamageReport.Indicator> indicators, Instant created, Instant modified) {
        ObjectNode indicator = JsonNodeFactory.instance.objectNode();
        indicator.put("type", "indicator");
        indicator.put("spec_version", "2.1");
        indicator.put("id", StixIds.indicator(view.id()));
        indicator.put("created_by_ref", StixIds.HERD_IDENTITY);
        indicator.put("created", StixTime.millis(created));
        indicator.put("modified", StixTime.millis(modified));
        indicator.put("name", view.title() == null ? view.id() : view.title());
        indicator.put("description", description(view));
        indicator.putArray("indicator_types").add("malicious-activity");
        indicator.put("pattern", StixPatternWriter.write(indicators));
        indicator.put("pattern_type", "stix");
        indicator.put("pattern_version", "2.1");
        Instant validFrom = view.firstReportedAt() == null ? created : view.firstReportedAt();
        indicator.put("valid_from", StixTime.millis(validFrom));
        indicator.put("confidence", confidence(view.origins()));
        indicator.putArray("labels").add("herd-community");
        indicator
                .putArray("external_references")
                .addObject()
                .put("source_name", "herd")
                .put("external_id", view.id())
                .put("description", "Herd community advisory");
        indicator.putArray("object_marking_refs").add(StixIds.TLP_GREEN);
        indicator.put("x_herd_origins", view.origins());
        if (view.revokedAt() != null) {
            indicator.put("revoked", true);
        }
        return indicator;
    }

    /**
     * STIX confidence (0-100) from the number of distinct origins that confirmed the indicators: one client network
     * 50, two 70, three or more 85. Herd saw the damage itself, so even one origin is more than a rumour.
     */
    static int confidence(int origins) {
        return origins >= 3 ? 85 : origins == 2 ? 70 : 50;
    }

    private static String description(CommunityAdvisoryView view) {
        String origins = view.origins() == 1 ? "one client network" : view.origins() + " independent client networks";
        return "Herd community advisory " + view.id() + ": damage seen at " + origins
                + (view.revokedAt() != null ? "; revoked by the MSSP." : ".");
    }
}
