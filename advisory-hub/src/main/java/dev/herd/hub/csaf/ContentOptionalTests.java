package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The optional tests of CSAF 2.0 section 6.2 on the rest of the content: 6.2.7 Missing Date in Involvements, 6.2.8
 * Use of MD5 as the only Hash Algorithm, 6.2.9 Use of SHA-1 as the only Hash Algorithm, 6.2.10 Missing TLP label,
 * 6.2.13 Sorting, 6.2.17 CVE in field IDs and 6.2.18 Product Version Range without vers.
 */
final class ContentOptionalTests {

    private static final Set<String> TLP_LABELS = Set.of("AMBER", "GREEN", "RED", "WHITE");
    private static final Pattern CVE = Pattern.compile("^CVE-[0-9]{4}-[0-9]{4,}$");
    private static final Pattern VERS = Pattern.compile("^vers:[a-z\\.\\-\\+][a-z0-9\\.\\-\\+]*/.+");

    private ContentOptionalTests() {}

    static List<CsafTest> all() {
        return List.of(
                new RuleTest("6.2.7", "Missing Date in Involvements", ContentOptionalTests::involvementDates),
                new RuleTest(
                        "6.2.8",
                        "Use of MD5 as the only Hash Algorithm",
                        (document, warnings) -> onlyHashAlgorithm(document, "md5", warnings)),
                new RuleTest(
                        "6.2.9",
                        "Use of SHA-1 as the only Hash Algorithm",
                        (document, warnings) -> onlyHashAlgorithm(document, "sha1", warnings)),
                new RuleTest("6.2.10", "Missing TLP label", ContentOptionalTests::tlpLabel),
                new RuleTest(
                        "6.2.13", "Sorting", (document, warnings) -> sorting(LocatedNode.root(document), warnings)),
                new RuleTest("6.2.17", "CVE in field IDs", ContentOptionalTests::cveInIds),
                new RuleTest("6.2.18", "Product Version Range without vers", ContentOptionalTests::versionRanges));
    }

    private static void involvementDates(JsonNode document, RuleTest.Failures warnings) {
        for (LocatedNode vulnerability : ProductTree.vulnerabilities(document)) {
            for (LocatedNode involvement : vulnerability.at("involvements").items()) {
                if (!involvement.at("date").exists()) {
                    warnings.add(involvement.path(), "The involvement has no date.");
                }
            }
        }
    }

    private static void onlyHashAlgorithm(JsonNode document, String algorithm, RuleTest.Failures warnings) {
        for (LocatedNode product : ProductTree.fullProductNames(document)) {
            for (LocatedNode hashes :
                    product.at("product_identification_helper").at("hashes").items()) {
                Set<String> algorithms = hashes.at("file_hashes").items().stream()
                        .map(hash -> String.valueOf(hash.at("algorithm").text()))
                        .collect(Collectors.toSet());
                if (algorithms.equals(Set.of(algorithm))) {
                    warnings.add(
                            hashes.at("file_hashes").path(),
                            algorithm + " is the only hash algorithm; add a stronger one to check against.");
                }
            }
        }
    }

    private static void tlpLabel(JsonNode document, RuleTest.Failures warnings) {
        LocatedNode label = LocatedNode.root(document)
                .at("document")
                .at("distribution")
                .at("tlp")
                .at("label");
        if (label.text() == null || !TLP_LABELS.contains(label.text())) {
            warnings.add(label.path(), "The document has no valid TLP label.");
        }
    }

    /** 6.2.13: the keys of every object are in alphabetical order; reports the first key out of place per object. */
    private static void sorting(LocatedNode node, RuleTest.Failures warnings) {
        if (node.node().isObject()) {
            String previous = null;
            boolean reported = false;
            for (Iterator<String> names = node.node().fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!reported && previous != null && name.compareTo(previous) < 0) {
                    warnings.add(node.at(name).path(), "Key '" + name + "' should come before '" + previous + "'.");
                    reported = true;
                }
                previous = name;
                sorting(node.at(name), warnings);
            }
        }
        node.items().forEach(item -> sorting(item, warnings));
    }

    private static void cveInIds(JsonNode document, RuleTest.Failures warnings) {
        for (LocatedNode vulnerability : ProductTree.vulnerabilities(document)) {
            for (LocatedNode id : vulnerability.at("ids").items()) {
                String text = id.at("text").text();
                if (text != null && CVE.matcher(text).matches()) {
                    warnings.add(id.path(), text + " belongs in cve, not in ids.");
                }
            }
        }
    }

    private static void versionRanges(JsonNode document, RuleTest.Failures warnings) {
        for (LocatedNode branch : ProductTree.branches(document)) {
            String name = branch.at("name").text();
            if ("product_version_range".equals(branch.at("category").text())
                    && (name == null || !VERS.matcher(name).find())) {
                warnings.add(branch.at("name").path(), "Version range '" + name + "' is not in vers syntax.");
            }
        }
    }
}
