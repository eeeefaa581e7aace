package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;

/**
 * CSAF 2.0 6.1.31: a branch of category {@code product_version} names one version, not a range; as the specification
 * deems sufficient, a name containing one of a few range words or operators is taken as a range.
 */
final class VersionRangeInProductVersion implements CsafTest {

    private static final List<String> RANGE_INDICATORS =
            List.of("<", ">", "after", "all", "before", "earlier", "later", "prior", "versions");

    @Override
    public String id() {
        return "6.1.31";
    }

    @Override
    public String name() {
        return "Version Range in Product Version";
    }

    @Override
    public void check(JsonNode document, List<CsafTestFailure> failures) {
        for (LocatedNode branch : ProductTree.branches(document)) {
            String name = branch.at("name").text();
            if (!"product_version".equals(branch.at("category").text()) || name == null) {
                continue;
            }
            String lowerCase = name.toLowerCase(Locale.ROOT);
            RANGE_INDICATORS.stream()
                    .filter(lowerCase::contains)
                    .findFirst()
                    .ifPresent(indicator -> failures.add(failure(
                            branch.at("name").path(),
                            "Product version '" + name + "' looks like a version range (contains '" + indicator
                                    + "'); use the category product_version_range.")));
        }
    }
}
