package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** CSAF 2.0 6.1.23: no CVE is the subject of more than one vulnerability item. */
final class MultipleUseOfSameCve implements CsafTest {

    @Override
    public String id() {
        return "6.1.23";
    }

    @Override
    public String name() {
        return "Multiple Use of Same CVE";
    }

    @Override
    public void check(JsonNode document, List<CsafTestFailure> failures) {
        Map<String, String> firstUse = new HashMap<>();
        for (LocatedNode vulnerability : ProductTree.vulnerabilities(document)) {
            LocatedNode cve = vulnerability.at("cve");
            if (cve.text() == null) {
                continue;
            }
            String first = firstUse.putIfAbsent(cve.text(), cve.path());
            if (first != null) {
                failures.add(failure(cve.path(), cve.text() + " is already used at " + first + "."));
            }
        }
    }
}
