package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** CSAF 2.0 6.1.5: no Product Group ID is defined by more than one product group. */
final class MultipleProductGroupIdDefinition implements CsafTest {

    @Override
    public String id() {
        return "6.1.5";
    }

    @Override
    public String name() {
        return "Multiple Definition of Product Group ID";
    }

    @Override
    public void check(JsonNode document, List<CsafTestFailure> failures) {
        Map<String, String> firstDefinition = new HashMap<>();
        for (LocatedNode definition : ProductTree.groupIdDefinitions(document)) {
            String first = firstDefinition.putIfAbsent(definition.text(), definition.path());
            if (first != null) {
                failures.add(failure(
                        definition.path(),
                        "Product Group ID '" + definition.text() + "' is already defined at " + first + "."));
            }
        }
    }
}
