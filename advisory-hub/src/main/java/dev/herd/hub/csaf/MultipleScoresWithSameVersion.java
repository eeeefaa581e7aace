package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** CSAF 2.0 6.1.7: within one vulnerability, no product has two CVSS scores of the same CVSS version. */
final class MultipleScoresWithSameVersion implements CsafTest {

    @Override
    public String id() {
        return "6.1.7";
    }

    @Override
    public String name() {
        return "Multiple Scores with same Version per Product";
    }

    @Override
    public void check(JsonNode document, List<CsafTestFailure> failures) {
        for (LocatedNode vulnerability : ProductTree.vulnerabilities(document)) {
            // "product ID|CVSS version" -> path of the score that first gave it
            Map<String, String> scored = new HashMap<>();
            for (LocatedNode score : vulnerability.at("scores").items()) {
                for (String cvss : List.of("cvss_v2", "cvss_v3")) {
                    String version = score.at(cvss).at("version").text();
                    if (version == null) {
                        continue;
                    }
                    for (LocatedNode product : score.at("products").items()) {
                        String first = scored.putIfAbsent(product.text() + "|" + version, score.path());
                        if (first != null) {
                            failures.add(failure(
                                    product.path(),
                                    "Product ID '" + product.text() + "' already has a CVSS " + version + " score at "
                                            + first + "."));
                        }
                    }
                }
            }
        }
    }
}
