package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** CSAF 2.0 6.1.4: every referenced Product Group ID is defined in {@code /product_tree/product_groups}. */
final class MissingProductGroupIdDefinition implements CsafTest {

    @Override
    public String id() {
        return "6.1.4";
    }

    @Override
    public String name() {
        return "Missing Definition of Product Group ID";
    }

    @Override
    public void check(JsonNode document, List<CsafTestFailure> failures) {
        Set<String> defined = ProductTree.groupIdDefinitions(document).stream()
                .map(LocatedNode::text)
                .collect(Collectors.toSet());
        for (LocatedNode reference : ProductTree.groupIdReferences(document)) {
            if (!defined.contains(reference.text())) {
                failures.add(failure(
                        reference.path(),
                        "Product Group ID '" + reference.text() + "' is not defined in the product tree."));
            }
        }
    }
}
