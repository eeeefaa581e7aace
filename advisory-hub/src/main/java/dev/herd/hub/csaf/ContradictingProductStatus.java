package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CSAF 2.0 6.1.6: within one vulnerability, no product is in two of the contradicting status groups "affected",
 * "not affected", "fixed" and "under investigation". {@code recommended} belongs to no group.
 */
final class ContradictingProductStatus implements CsafTest {

    private static final Map<String, String> GROUP_OF_STATUS = Map.of(
            "first_affected", "affected",
            "known_affected", "affected",
            "last_affected", "affected",
            "known_not_affected", "not affected",
            "first_fixed", "fixed",
            "fixed", "fixed",
            "under_investigation", "under investigation");

    @Override
    public String id() {
        return "6.1.6";
    }

    @Override
    public String name() {
        return "Contradicting Product Status";
    }

    @Override
    public void check(JsonNode document, List<CsafTestFailure> failures) {
        for (LocatedNode vulnerability : ProductTree.vulnerabilities(document)) {
            Map<String, String> groupOfProduct = new HashMap<>();
            for (String status : ProductTree.PRODUCT_STATUSES) {
                String group = GROUP_OF_STATUS.get(status);
                if (group == null) {
                    continue;
                }
                for (LocatedNode product :
                        vulnerability.at("product_status").at(status).items()) {
                    String id = product.text();
                    String earlier = id == null ? null : groupOfProduct.putIfAbsent(id, group);
                    if (earlier != null && !earlier.equals(group)) {
                        failures.add(failure(
                                product.path(),
                                "Product ID '" + id + "' is both '" + earlier + "' and '" + group
                                        + "' in this vulnerability."));
                    }
                }
            }
        }
    }
}
