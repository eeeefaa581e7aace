package dev.herd.hub.csaf;

import static dev.herd.hub.csaf.CsafDocuments.json;
import static dev.herd.hub.csaf.CsafDocuments.load;
import static dev.herd.hub.csaf.CsafDocuments.remove;
import static dev.herd.hub.csaf.CsafDocuments.set;
import static dev.herd.hub.csaf.MandatoryTestAssertions.assertOnlyFails;
import static dev.herd.hub.csaf.MandatoryTestAssertions.assertPasses;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Failing fixtures for the profile tests 6.1.27.1 to 6.1.27.11. */
class ProfileTestsTest {

    private static final String VULNERABILITY = "/vulnerabilities/0";

    private static ObjectNode informationalAdvisory() {
        return load("rhsa-2019_1862.json");
    }

    private static ObjectNode securityAdvisory() {
        return load("bsi-2022-0001.json");
    }

    /** The BSI advisory is also a complete VEX document: every affected product has a remediation. */
    private static ObjectNode vex() {
        return set(load("bsi-2022-0001.json"), "/document/category", "csaf_vex");
    }

    @Test
    void theVexVariantOfTheAdvisoryPasses() {
        assertPasses(vex());
    }

    @Test
    void informationalAdvisoryWithoutSummaryNote() {
        ObjectNode document = informationalAdvisory();
        remove(document, "/document/notes/1");
        remove(document, "/document/notes/0");

        assertOnlyFails(document, "6.1.27.1", "/document/notes");
    }

    @Test
    void informationalAdvisoryWithoutExternalReference() {
        ObjectNode document = set(informationalAdvisory(), "/document/references/1/category", "self");
        set(document, "/document/references/2/category", "self");

        assertOnlyFails(document, "6.1.27.2", "/document/references");
    }

    @Test
    void referenceWithoutCategoryIsExternal() {
        ObjectNode document = set(informationalAdvisory(), "/document/references/1/category", "self");
        remove(document, "/document/references/2/category");

        assertPasses(document);
    }

    @Test
    void informationalAdvisoryWithVulnerabilities() {
        ObjectNode document = set(
                informationalAdvisory(),
                "/vulnerabilities",
                json("[{\"title\": \"A vulnerability item that SHALL NOT exist\"}]"));

        assertOnlyFails(document, "6.1.27.3", "/vulnerabilities");
    }

    @Test
    void securityAdvisoryWithoutProductTree() {
        ObjectNode document = remove(securityAdvisory(), "/product_tree");
        set(document, VULNERABILITY + "/product_status", json("{}"));
        remove(document, VULNERABILITY + "/scores");
        remove(document, VULNERABILITY + "/remediations");

        assertOnlyFails(document, "6.1.27.4", "/product_tree");
    }

    @Test
    void vulnerabilityWithoutNotes() {
        ObjectNode document = remove(securityAdvisory(), VULNERABILITY + "/notes");

        assertOnlyFails(document, "6.1.27.5", VULNERABILITY + "/notes");
    }

    @Test
    void securityAdvisoryVulnerabilityWithoutProductStatus() {
        ObjectNode document = remove(securityAdvisory(), VULNERABILITY + "/product_status");

        assertOnlyFails(document, "6.1.27.6", VULNERABILITY + "/product_status");
    }

    @Test
    void vexWithoutVexProductStatus() {
        ObjectNode document =
                set(vex(), VULNERABILITY + "/product_status", json("{\"first_fixed\": [\"CSAFPID-0006\"]}"));

        assertOnlyFails(document, "6.1.27.7", VULNERABILITY + "/product_status");
    }

    @Test
    void vexVulnerabilityWithoutId() {
        ObjectNode document = remove(vex(), VULNERABILITY + "/cve");
        remove(document, VULNERABILITY + "/ids");

        assertOnlyFails(document, "6.1.27.8", VULNERABILITY);
    }

    @Test
    void notAffectedProductWithoutImpactStatement() {
        ObjectNode document = notAffectedSixthVersion();

        assertOnlyFails(document, "6.1.27.9", VULNERABILITY + "/product_status/known_not_affected/0");
    }

    @Test
    void impactStatementThroughAFlag() {
        ObjectNode document = set(
                notAffectedSixthVersion(),
                VULNERABILITY + "/flags",
                json("[{\"label\": \"vulnerable_code_not_present\", \"product_ids\": [\"CSAFPID-0006\"]}]"));

        assertPasses(document);
    }

    @Test
    void impactStatementThroughAGroupOfAnImpactThreat() {
        ObjectNode document = set(
                notAffectedSixthVersion(),
                "/product_tree/product_groups",
                json("[{\"group_id\": \"CSAFGID-0001\", \"product_ids\": [\"CSAFPID-0005\", \"CSAFPID-0006\"]}]"));
        set(
                document,
                VULNERABILITY + "/threats",
                json(
                        "[{\"category\": \"impact\", \"details\": \"Code removed.\", \"group_ids\": [\"CSAFGID-0001\"]}]"));

        assertPasses(document);
        set(document, VULNERABILITY + "/threats/0/category", "exploit_status");
        assertOnlyFails(document, "6.1.27.9", VULNERABILITY + "/product_status/known_not_affected/0");
    }

    @Test
    void affectedProductWithoutActionStatement() {
        ObjectNode document = remove(vex(), VULNERABILITY + "/remediations/0/product_ids/4");

        assertOnlyFails(document, "6.1.27.10", VULNERABILITY + "/product_status/known_affected/4");
    }

    @Test
    void securityAdvisoryWithoutVulnerabilities() {
        ObjectNode document = remove(securityAdvisory(), "/vulnerabilities");

        assertOnlyFails(document, "6.1.27.11", "/vulnerabilities");
    }

    @Test
    void profileTestsDoNotApplyToOtherCategories() {
        ObjectNode document = remove(set(securityAdvisory(), "/document/category", "csaf_base"), "/vulnerabilities");

        assertPasses(set(document, "/document/notes", json("[{\"category\": \"other\", \"text\": \"x\"}]")));
    }

    /** The VEX document where the fixed version 6 is instead known not affected. */
    private static ObjectNode notAffectedSixthVersion() {
        ObjectNode document = remove(vex(), VULNERABILITY + "/product_status/first_fixed");
        remove(document, VULNERABILITY + "/product_status/fixed");
        return set(document, VULNERABILITY + "/product_status/known_not_affected", json("[\"CSAFPID-0006\"]"));
    }
}
