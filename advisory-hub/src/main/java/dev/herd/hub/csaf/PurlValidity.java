package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.util.List;

/** CSAF 2.0 6.1.13: every package URL in a product identification helper is a valid purl. */
final class PurlValidity implements CsafTest {

    @Override
    public String id() {
        return "6.1.13";
    }

    @Override
    public String name() {
        return "PURL";
    }

    @Override
    public void check(JsonNode document, List<CsafTestFailure> failures) {
        for (LocatedNode product : ProductTree.fullProductNames(document)) {
            LocatedNode purl = product.at("product_identification_helper").at("purl");
            if (!purl.exists()) {
                continue;
            }
            if (purl.text() == null) {
                failures.add(failure(purl.path(), "The purl is not a string."));
                continue;
            }
            try {
                new PackageURL(purl.text());
            } catch (MalformedPackageURLException e) {
                failures.add(failure(purl.path(), "'" + purl.text() + "' is not a valid purl: " + e.getMessage()));
            }
        }
    }
}
