package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * CSAF 2.0 6.1.11: a given CWE exists and is valid.
 *
 * <p>The CWE catalogue is not available offline, so this checks only what can be checked without it: the {@code id}
 * has the form {@code CWE-<n>} with a positive number without leading zero, and a non-blank {@code name} is given.
 * It cannot tell whether CWE-n exists in the catalogue, nor whether {@code name} is the catalogue's name of that CWE
 * (the specification's own failing example, CWE-79 with a wrong name, passes this test).
 */
final class CweValidity implements CsafTest {

    private static final Pattern CWE_ID = Pattern.compile("CWE-[1-9][0-9]*");

    @Override
    public String id() {
        return "6.1.11";
    }

    @Override
    public String name() {
        return "CWE";
    }

    @Override
    public void check(JsonNode document, List<CsafTestFailure> failures) {
        for (LocatedNode vulnerability : ProductTree.vulnerabilities(document)) {
            LocatedNode cwe = vulnerability.at("cwe");
            if (!cwe.exists()) {
                continue;
            }
            LocatedNode id = cwe.at("id");
            if (id.text() == null || !CWE_ID.matcher(id.text()).matches()) {
                failures.add(failure(id.path(), "CWE id " + id.node() + " is not of the form CWE-<number>."));
            }
            LocatedNode name = cwe.at("name");
            if (name.text() == null || name.text().isBlank()) {
                failures.add(failure(name.path(), "The CWE has no name."));
            }
        }
    }
}
