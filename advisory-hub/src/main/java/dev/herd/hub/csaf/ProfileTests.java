package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The profile tests of CSAF 2.0 section 6.1.27 (6.1.27.1 to 6.1.27.11); each applies only to documents whose {@code
 * /document/category} is one of the profiles it names.
 */
final class ProfileTests {

    private static final String INFORMATIONAL_ADVISORY = "csaf_informational_advisory";
    private static final String SECURITY_INCIDENT_RESPONSE = "csaf_security_incident_response";
    private static final String SECURITY_ADVISORY = "csaf_security_advisory";
    private static final String VEX = "csaf_vex";

    private static final Set<String> SUMMARY_NOTE_CATEGORIES = Set.of("description", "details", "general", "summary");
    private static final List<String> VEX_STATUSES =
            List.of("fixed", "known_affected", "known_not_affected", "under_investigation");

    private ProfileTests() {}

    static List<CsafTest> all() {
        Set<String> informative = Set.of(INFORMATIONAL_ADVISORY, SECURITY_INCIDENT_RESPONSE);
        Set<String> advisoryOrVex = Set.of(SECURITY_ADVISORY, VEX);
        Set<String> vex = Set.of(VEX);
        return List.of(
                test("6.1.27.1", "Document Notes", informative, ProfileTests::documentNotes),
                test("6.1.27.2", "Document References", informative, ProfileTests::documentReferences),
                test("6.1.27.3", "Vulnerabilities", Set.of(INFORMATIONAL_ADVISORY), ProfileTests::noVulnerabilities),
                test("6.1.27.4", "Product Tree", advisoryOrVex, ProfileTests::productTree),
                test(
                        "6.1.27.5",
                        "Vulnerability Notes",
                        advisoryOrVex,
                        (document, failures) -> eachVulnerabilityHas(document, "notes", failures)),
                test(
                        "6.1.27.6",
                        "Product Status",
                        Set.of(SECURITY_ADVISORY),
                        (document, failures) -> eachVulnerabilityHas(document, "product_status", failures)),
                test("6.1.27.7", "VEX Product Status", vex, ProfileTests::vexProductStatus),
                test("6.1.27.8", "Vulnerability ID", vex, ProfileTests::vulnerabilityId),
                test("6.1.27.9", "Impact Statement", vex, ProfileTests::impactStatements),
                test("6.1.27.10", "Action Statement", vex, ProfileTests::actionStatements),
                test("6.1.27.11", "Vulnerabilities", advisoryOrVex, ProfileTests::vulnerabilities));
    }

    private static CsafTest test(String id, String name, Set<String> categories, RuleTest.Rule rule) {
        return new RuleTest(id, name, (document, failures) -> {
            String category = document.path("document").path("category").asText("");
            if (categories.contains(category)) {
                rule.check(document, failures);
            }
        });
    }

    private static void documentNotes(JsonNode document, RuleTest.Failures failures) {
        LocatedNode notes = LocatedNode.root(document).at("document").at("notes");
        boolean summarized = notes.items().stream()
                .map(note -> note.at("category").text())
                .anyMatch(category -> category != null && SUMMARY_NOTE_CATEGORIES.contains(category));
        if (!summarized) {
            failures.add(
                    notes.path(), "The document has no note of category description, details, general or summary.");
        }
    }

    private static void documentReferences(JsonNode document, RuleTest.Failures failures) {
        LocatedNode references = LocatedNode.root(document).at("document").at("references");
        // A reference without category is external: the schema's default for references_t category.
        boolean external = references.items().stream()
                .map(reference -> reference.at("category").text())
                .anyMatch(category -> category == null || category.equals("external"));
        if (!external) {
            failures.add(references.path(), "The document has no reference of category external.");
        }
    }

    private static void noVulnerabilities(JsonNode document, RuleTest.Failures failures) {
        LocatedNode vulnerabilities = LocatedNode.root(document).at("vulnerabilities");
        if (vulnerabilities.exists()) {
            failures.add(vulnerabilities.path(), "An informational advisory must not list vulnerabilities.");
        }
    }

    private static void productTree(JsonNode document, RuleTest.Failures failures) {
        if (!LocatedNode.root(document).at("product_tree").exists()) {
            failures.add("/product_tree", "The document has no product tree.");
        }
    }

    private static void vulnerabilities(JsonNode document, RuleTest.Failures failures) {
        if (!LocatedNode.root(document).at("vulnerabilities").exists()) {
            failures.add("/vulnerabilities", "The document lists no vulnerabilities.");
        }
    }

    private static void eachVulnerabilityHas(JsonNode document, String element, RuleTest.Failures failures) {
        for (LocatedNode vulnerability : ProductTree.vulnerabilities(document)) {
            if (!vulnerability.at(element).exists()) {
                failures.add(vulnerability.at(element).path(), "The vulnerability has no " + element + ".");
            }
        }
    }

    private static void vexProductStatus(JsonNode document, RuleTest.Failures failures) {
        for (LocatedNode vulnerability : ProductTree.vulnerabilities(document)) {
            LocatedNode status = vulnerability.at("product_status");
            if (VEX_STATUSES.stream().noneMatch(list -> status.at(list).exists())) {
                failures.add(
                        status.path(),
                        "The product status has none of fixed, known_affected, known_not_affected and"
                                + " under_investigation.");
            }
        }
    }

    private static void vulnerabilityId(JsonNode document, RuleTest.Failures failures) {
        for (LocatedNode vulnerability : ProductTree.vulnerabilities(document)) {
            if (!vulnerability.at("cve").exists() && !vulnerability.at("ids").exists()) {
                failures.add(vulnerability.path(), "The vulnerability has neither cve nor ids.");
            }
        }
    }

    /** 6.1.27.9: each known-not-affected product has a flag, or a threat of category impact, naming it. */
    private static void impactStatements(JsonNode document, RuleTest.Failures failures) {
        Map<String, Set<String>> groups = ProductTree.groupMembers(document);
        for (LocatedNode vulnerability : ProductTree.vulnerabilities(document)) {
            Set<String> stated = new HashSet<>();
            vulnerability.at("flags").items().forEach(flag -> stated.addAll(ProductTree.productsOf(flag, groups)));
            vulnerability.at("threats").items().stream()
                    .filter(threat -> "impact".equals(threat.at("category").text()))
                    .forEach(threat -> stated.addAll(ProductTree.productsOf(threat, groups)));
            for (LocatedNode product :
                    vulnerability.at("product_status").at("known_not_affected").items()) {
                if (product.text() != null && !stated.contains(product.text())) {
                    failures.add(
                            product.path(),
                            "Product ID '" + product.text() + "' is known not affected but no flag or impact threat"
                                    + " states why.");
                }
            }
        }
    }

    /** 6.1.27.10: each known-affected product has a remediation naming it. */
    private static void actionStatements(JsonNode document, RuleTest.Failures failures) {
        Map<String, Set<String>> groups = ProductTree.groupMembers(document);
        for (LocatedNode vulnerability : ProductTree.vulnerabilities(document)) {
            Set<String> remediated = new HashSet<>();
            vulnerability
                    .at("remediations")
                    .items()
                    .forEach(remediation -> remediated.addAll(ProductTree.productsOf(remediation, groups)));
            for (LocatedNode product :
                    vulnerability.at("product_status").at("known_affected").items()) {
                if (product.text() != null && !remediated.contains(product.text())) {
                    failures.add(
                            product.path(),
                            "Product ID '" + product.text() + "' is known affected but no remediation names it.");
                }
            }
        }
    }
}
