package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * CSAF 2.0 6.1.11: a given CWE exists and is valid: its {@code id} is a weakness of the {@link CweCatalogue} shipped
 * with the hub and its {@code name} is the catalogue's name of that weakness (the current one, or the one of an
 * earlier catalogue version, since CWE names change after documents are published).
 */
final class CweValidity implements CsafTest {

    private static final Pattern CWE_ID = Pattern.compile("CWE-[1-9][0-9]*");

    private final CweCatalogue catalogue = CweCatalogue.shipped();

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
            LocatedNode name = cwe.at("name");
            if (id.text() == null || !CWE_ID.matcher(id.text()).matches()) {
                failures.add(failure(id.path(), "CWE id " + id.node() + " is not of the form CWE-<number>."));
            } else if (catalogue.currentName(id.text()).isEmpty()) {
                failures.add(failure(id.path(), "No weakness " + id.text() + " is in the CWE catalogue."));
            } else if (name.text() == null || name.text().isBlank()) {
                failures.add(failure(name.path(), "The CWE has no name."));
            } else if (!catalogue.isNameOf(id.text(), name.text())) {
                failures.add(failure(
                        name.path(),
                        "'" + name.text() + "' is not the name of " + id.text() + " in the CWE catalogue, which is '"
                                + catalogue.currentName(id.text()).orElseThrow() + "'."));
            }
        }
    }
}
