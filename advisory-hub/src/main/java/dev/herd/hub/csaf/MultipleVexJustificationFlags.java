package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CSAF 2.0 6.1.33: within one vulnerability, no product (directly or through a product group) is named by more than
 * one flag carrying a VEX justification code (section 3.2.3.5).
 */
final class MultipleVexJustificationFlags implements CsafTest {

    private static final Set<String> VEX_JUSTIFICATIONS = Set.of(
            "component_not_present",
            "inline_mitigations_already_exist",
            "vulnerable_code_cannot_be_controlled_by_adversary",
            "vulnerable_code_not_in_execute_path",
            "vulnerable_code_not_present");

    @Override
    public String id() {
        return "6.1.33";
    }

    @Override
    public String name() {
        return "Multiple Flags with VEX Justification Codes per Product";
    }

    @Override
    public void check(JsonNode document, List<CsafTestFailure> failures) {
        Map<String, Set<String>> groupMembers = ProductTree.groupMembers(document);
        for (LocatedNode vulnerability : ProductTree.vulnerabilities(document)) {
            Map<String, String> flaggedBy = new HashMap<>();
            for (LocatedNode flag : vulnerability.at("flags").items()) {
                String label = flag.at("label").text();
                if (label == null || !VEX_JUSTIFICATIONS.contains(label)) {
                    continue;
                }
                for (String product : ProductTree.productsOf(flag, groupMembers)) {
                    String first = flaggedBy.putIfAbsent(product, flag.path());
                    if (first != null) {
                        failures.add(failure(
                                flag.path(),
                                "Product ID '" + product + "' already has a VEX justification flag at " + first + "."));
                    }
                }
            }
        }
    }
}
