package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CSAF 2.0 6.1.31: a branch of category {@code product_version} names one version, not a range. As the specification
 * deems sufficient, a name is a range when, in lower case, it contains one of the operators {@code <}, {@code <=},
 * {@code >}, {@code >=}, or one of the range words as a word of its own (split at white space): {@code 4.2 and
 * later} is a range, {@code after-eight} or {@code Afterburner 2} is not.
 */
final class VersionRangeInProductVersion implements CsafTest {

    private static final List<String> RANGE_OPERATORS = List.of("<", ">");

    private static final Set<String> RANGE_WORDS =
            Set.of("after", "all", "before", "earlier", "later", "prior", "versions");

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

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
            rangeIndicator(name.toLowerCase(Locale.ROOT))
                    .ifPresent(indicator -> failures.add(failure(
                            branch.at("name").path(),
                            "Product version '" + name + "' looks like a version range (contains '" + indicator
                                    + "'); use the category product_version_range.")));
        }
    }

    /** The operator or range word that makes {@code name} a range, if any. */
    private static Optional<String> rangeIndicator(String name) {
        Optional<String> operator =
                RANGE_OPERATORS.stream().filter(name::contains).findFirst();
        if (operator.isPresent()) {
            return operator;
        }
        return WHITE_SPACE.splitAsStream(name).filter(RANGE_WORDS::contains).findFirst();
    }
}
