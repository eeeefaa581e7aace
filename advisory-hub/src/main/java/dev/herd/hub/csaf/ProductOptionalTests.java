package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The optional tests of CSAF 2.0 section 6.2 on products: 6.2.1 Unused Definition of Product ID, 6.2.2 Missing
 * Remediation, 6.2.3 Missing Score, 6.2.16 Missing Product Identification Helper and 6.2.19 CVSS for Fixed Products.
 */
final class ProductOptionalTests {

    private static final List<String> AFFECTED = List.of("first_affected", "known_affected", "last_affected");

    private ProductOptionalTests() {}

    static List<CsafTest> all() {
        return List.of(
                new RuleTest("6.2.1", "Unused Definition of Product ID", ProductOptionalTests::unusedDefinitions),
                new RuleTest("6.2.2", "Missing Remediation", ProductOptionalTests::missingRemediations),
                new RuleTest("6.2.3", "Missing Score", ProductOptionalTests::missingScores),
                new RuleTest(
                        "6.2.16",
                        "Missing Product Identification Helper",
                        ProductOptionalTests::missingIdentificationHelpers),
                new RuleTest("6.2.19", "CVSS for Fixed Products", ProductOptionalTests::cvssForFixedProducts));
    }

    /** 6.2.1: every defined product is referred to; not for informational advisories, which need not. */
    private static void unusedDefinitions(JsonNode document, RuleTest.Failures warnings) {
        if ("csaf_informational_advisory"
                .equals(document.path("document").path("category").asText())) {
            return;
        }
        Set<String> referenced = ProductTree.productIdReferences(document).stream()
                .map(LocatedNode::text)
                .collect(Collectors.toSet());
        for (LocatedNode definition : ProductTree.productIdDefinitions(document)) {
            if (!referenced.contains(definition.text())) {
                warnings.add(definition.path(), "Product ID '" + definition.text() + "' is defined but never used.");
            }
        }
    }

    /** 6.2.2: every affected or under-investigation product has a remediation. */
    private static void missingRemediations(JsonNode document, RuleTest.Failures warnings) {
        Map<String, Set<String>> groups = ProductTree.groupMembers(document);
        for (LocatedNode vulnerability : ProductTree.vulnerabilities(document)) {
            Set<String> remediated = new HashSet<>();
            vulnerability
                    .at("remediations")
                    .items()
                    .forEach(item -> remediated.addAll(ProductTree.productsOf(item, groups)));
            for (String status : List.of("first_affected", "known_affected", "last_affected", "under_investigation")) {
                for (LocatedNode product :
                        vulnerability.at("product_status").at(status).items()) {
                    if (product.text() != null && !remediated.contains(product.text())) {
                        warnings.add(
                                product.path(),
                                "Product ID '" + product.text() + "' is " + status + " but has no remediation.");
                    }
                }
            }
        }
    }

    /** 6.2.3: every affected product has a score. */
    private static void missingScores(JsonNode document, RuleTest.Failures warnings) {
        for (LocatedNode vulnerability : ProductTree.vulnerabilities(document)) {
            Set<String> scored = new HashSet<>();
            vulnerability
                    .at("scores")
                    .items()
                    .forEach(score -> score.at("products").items().stream()
                            .map(LocatedNode::text)
                            .forEach(scored::add));
            for (String status : AFFECTED) {
                for (LocatedNode product :
                        vulnerability.at("product_status").at(status).items()) {
                    if (product.text() != null && !scored.contains(product.text())) {
                        warnings.add(
                                product.path(),
                                "Product ID '" + product.text() + "' is " + status + " but has no score.");
                    }
                }
            }
        }
    }

    /** 6.2.16: every product has a product identification helper. */
    private static void missingIdentificationHelpers(JsonNode document, RuleTest.Failures warnings) {
        for (LocatedNode product : ProductTree.fullProductNames(document)) {
            if (!product.at("product_identification_helper").exists()) {
                warnings.add(
                        product.path(),
                        "Product '" + product.at("product_id").text() + "' has no product identification helper.");
            }
        }
    }

    /** 6.2.19: a CVSS score given for a fixed product has an environmental score of 0. */
    private static void cvssForFixedProducts(JsonNode document, RuleTest.Failures warnings) {
        for (LocatedNode vulnerability : ProductTree.vulnerabilities(document)) {
            Set<String> fixed = new HashSet<>();
            for (String status : List.of("first_fixed", "fixed")) {
                vulnerability.at("product_status").at(status).items().stream()
                        .map(LocatedNode::text)
                        .forEach(fixed::add);
            }
            for (LocatedNode score : vulnerability.at("scores").items()) {
                boolean forFixedProduct =
                        score.at("products").items().stream().anyMatch(product -> fixed.contains(product.text()));
                if (!forFixedProduct) {
                    continue;
                }
                for (String cvss : List.of("cvss_v2", "cvss_v3")) {
                    Optional<Double> environmental = CvssVector.parse(
                                    score.at(cvss).at("vectorString").text())
                            .flatMap(CvssScoring::of)
                            .map(CvssScoring.Scores::environmental);
                    if (environmental.isPresent() && environmental.get() != 0.0) {
                        warnings.add(
                                score.at(cvss).path(),
                                "The score applies to a fixed product but its environmental score is "
                                        + environmental.get() + ", not 0.");
                    }
                }
            }
        }
    }
}
