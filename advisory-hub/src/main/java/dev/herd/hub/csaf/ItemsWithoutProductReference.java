package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * CSAF 2.0 6.1.29 (remediations) and 6.1.32 (flags): every item of the list says which products it applies to,
 * through {@code product_ids} or {@code group_ids}.
 */
record ItemsWithoutProductReference(String id, String name, String list, String noun) implements CsafTest {

    static ItemsWithoutProductReference remediations() {
        return new ItemsWithoutProductReference(
                "6.1.29", "Remediation without Product Reference", "remediations", "remediation");
    }

    static ItemsWithoutProductReference flags() {
        return new ItemsWithoutProductReference("6.1.32", "Flag without Product Reference", "flags", "flag");
    }

    @Override
    public void check(JsonNode document, List<CsafTestFailure> failures) {
        for (LocatedNode vulnerability : ProductTree.vulnerabilities(document)) {
            for (LocatedNode item : vulnerability.at(list).items()) {
                if (!item.at("product_ids").exists() && !item.at("group_ids").exists()) {
                    failures.add(failure(
                            item.path(), "The " + noun + " names neither product_ids nor group_ids it applies to."));
                }
            }
        }
    }
}
