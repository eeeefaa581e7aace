package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** CSAF 2.0 6.1.2: no Product ID is defined by more than one Full Product Name. */
final class MultipleProductIdDefinition implements CsafTest {

    @Override
    public String id() {
        return "6.1.2";
    }

    @Override
    public String name() {
        return "Multiple Definition of Product ID";
    }

    @Override
    public void check(JsonNode document, List<CsafTestFailure> failures) {
        Map<String, String> firstDefinition = new HashMap<>();
        for (LocatedNode definition : ProductTree.productIdDefinitions(document)) {
            String first = firstDefinition.putIfAbsent(definition.text(), definition.path());
            if (first != null) {
                failures.add(failure(
                        definition.path(),
                        "Product ID '" + definition.text() + "' is already defined at " + first + "."));
            }
        }
    }
}
