package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CSAF 2.0 6.1.3: no Product ID defined by a relationship depends, through the products its relationship (and
 * theirs, transitively) refers to, on itself.
 */
final class CircularProductIdDefinition implements CsafTest {

    @Override
    public String id() {
        return "6.1.3";
    }

    @Override
    public String name() {
        return "Circular Definition of Product ID";
    }

    @Override
    public void check(JsonNode document, List<CsafTestFailure> failures) {
        List<LocatedNode> relationships = LocatedNode.root(document)
                .at("product_tree")
                .at("relationships")
                .items();
        Map<String, Set<String>> dependsOn = new HashMap<>();
        for (LocatedNode relationship : relationships) {
            String defined =
                    relationship.at("full_product_name").at("product_id").text();
            if (defined != null) {
                Set<String> references = dependsOn.computeIfAbsent(defined, id -> new LinkedHashSet<>());
                for (String field : List.of("product_reference", "relates_to_product_reference")) {
                    String reference = relationship.at(field).text();
                    if (reference != null) {
                        references.add(reference);
                    }
                }
            }
        }
        for (LocatedNode relationship : relationships) {
            LocatedNode defined = relationship.at("full_product_name").at("product_id");
            if (defined.text() != null && reaches(defined.text(), dependsOn)) {
                failures.add(failure(
                        defined.path(),
                        "Product ID '" + defined.text() + "' is defined through a relationship that refers back to"
                                + " itself."));
            }
        }
    }

    /** Whether following the references from {@code start} leads back to {@code start}. */
    private static boolean reaches(String start, Map<String, Set<String>> dependsOn) {
        Set<String> seen = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(dependsOn.getOrDefault(start, Set.of()));
        while (!pending.isEmpty()) {
            String id = pending.pop();
            if (id.equals(start)) {
                return true;
            }
            if (seen.add(id)) {
                pending.addAll(dependsOn.getOrDefault(id, Set.of()));
            }
        }
        return false;
    }
}
