package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** CSAF 2.0 6.1.1: every referenced Product ID is defined by a Full Product Name in the product tree. */
final class MissingProductIdDefinition implements CsafTest {

    @Override
    public String id() {
        return "6.1.1";
    }

    @Override
    public String name() {
        return "Missing Definition of Product ID";
    }

    @Override
    public void check(JsonNode document, List<CsafTestFailure> failures) {
        Set<String> defined = ProductTree.productIdDefinitions(document).stream()
                .map(LocatedNode::text)
                .collect(Collectors.toSet());
        for (LocatedNode reference : ProductTree.productIdReferences(document)) {
            if (!defined.contains(reference.text())) {
                failures.add(failure(
                        reference.path(), "Product ID '" + reference.text() + "' is not defined in the product tree."));
            }
        }
    }
}
