package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CVSS vector string split into its metrics: {@code AV:N/AC:L/...} for CVSS v2, {@code CVSS:3.x/AV:N/...} for CVSS
 * v3.x. Parsing checks only the shape {@code KEY:VALUE/...} without repeated metrics; the JSON schemas check the
 * rest.
 */
record CvssVector(String text, String version, Map<String, String> metrics) {

    static Optional<CvssVector> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        String version = "2.0";
        String body = text;
        if (text.startsWith("CVSS:")) {
            int slash = text.indexOf('/');
            if (slash < 0) {
                return Optional.empty();
            }
            version = text.substring("CVSS:".length(), slash);
            body = text.substring(slash + 1);
        }
        Map<String, String> metrics = new LinkedHashMap<>();
        for (String metric : body.split("/", -1)) {
            int colon = metric.indexOf(':');
            if (colon <= 0 || colon == metric.length() - 1) {
                return Optional.empty();
            }
            if (metrics.putIfAbsent(metric.substring(0, colon), metric.substring(colon + 1)) != null) {
                return Optional.empty();
            }
        }
        return Optional.of(new CvssVector(text, version, Collections.unmodifiableMap(metrics)));
    }

    /** Every {@code cvss_v2} and {@code cvss_v3} object of {@code /vulnerabilities[]/scores[]}. */
    static List<LocatedNode> objectsIn(JsonNode document) {
        List<LocatedNode> objects = new ArrayList<>();
        for (LocatedNode vulnerability : ProductTree.vulnerabilities(document)) {
            for (LocatedNode score : vulnerability.at("scores").items()) {
                for (String cvss : List.of("cvss_v2", "cvss_v3")) {
                    if (score.at(cvss).node().isObject()) {
                        objects.add(score.at(cvss));
                    }
                }
            }
        }
        return objects;
    }

    /** The value of a metric, or {@code absent} if the vector does not set it. */
    String metric(String key, String absent) {
        return metrics.getOrDefault(key, absent);
    }
}
