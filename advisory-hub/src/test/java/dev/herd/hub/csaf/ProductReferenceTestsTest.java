package dev.herd.hub.csaf;

import static dev.herd.hub.csaf.CsafDocuments.add;
import static dev.herd.hub.csaf.CsafDocuments.json;
import static dev.herd.hub.csaf.CsafDocuments.load;
import static dev.herd.hub.csaf.CsafDocuments.remove;
import static dev.herd.hub.csaf.CsafDocuments.set;
import static dev.herd.hub.csaf.MandatoryTestAssertions.assertOnlyFails;
import static dev.herd.hub.csaf.MandatoryTestAssertions.assertPasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Failing fixtures for the tests on products, groups and the items that refer to them. */
class ProductReferenceTestsTest {

    private static final String VULNERABILITY = "/vulnerabilities/0";
    private static final String FIRST_VERSION_BRANCH = "/product_tree/branches/0/branches/0/branches/0";

    /** CSAF 2.0 example 3 of a security advisory: five affected product versions, one fixed. */
    private static ObjectNode advisory() {
        return load("bsi-2022-0001.json");
    }

    @Test
    void undefinedProductId() {
        ObjectNode document = add(advisory(), VULNERABILITY + "/product_status/known_affected", "CSAFPID-9999");

        assertOnlyFails(document, "6.1.1", VULNERABILITY + "/product_status/known_affected/5");
    }

    @Test
    void productIdDefinedTwice() {
        ObjectNode document = set(
                advisory(),
                "/product_tree/full_product_names",
                json("[{\"name\": \"Another product\", \"product_id\": \"CSAFPID-0001\"}]"));

        assertOnlyFails(document, "6.1.2", "/product_tree/full_product_names/0/product_id");
    }

    @Test
    void productIdDefinedThroughItself() {
        ObjectNode document = set(advisory(), "/product_tree/relationships", json("""
                        [{"category": "installed_on",
                          "full_product_name": {"name": "Converter on itself", "product_id": "CSAFPID-9001"},
                          "product_reference": "CSAFPID-0001",
                          "relates_to_product_reference": "CSAFPID-9001"}]
                        """));

        assertOnlyFails(document, "6.1.3", "/product_tree/relationships/0/full_product_name/product_id");
    }

    @Test
    void productIdDefinedThroughACycleOfRelationships() {
        ObjectNode document = set(advisory(), "/product_tree/relationships", json("""
                        [{"category": "installed_on",
                          "full_product_name": {"name": "A on B", "product_id": "CSAFPID-A"},
                          "product_reference": "CSAFPID-0001", "relates_to_product_reference": "CSAFPID-B"},
                         {"category": "installed_on",
                          "full_product_name": {"name": "B on A", "product_id": "CSAFPID-B"},
                          "product_reference": "CSAFPID-0002", "relates_to_product_reference": "CSAFPID-A"}]
                        """));

        assertOnlyFails(document, "6.1.3", "/product_tree/relationships/1/full_product_name/product_id");
    }

    @Test
    void undefinedProductGroupId() {
        ObjectNode document = set(advisory(), VULNERABILITY + "/remediations/0/group_ids", json("[\"CSAFGID-0404\"]"));

        assertOnlyFails(document, "6.1.4", VULNERABILITY + "/remediations/0/group_ids/0");
    }

    @Test
    void productGroupIdDefinedTwice() {
        ObjectNode document = set(advisory(), "/product_tree/product_groups", json("""
                        [{"group_id": "CSAFGID-0001", "product_ids": ["CSAFPID-0001", "CSAFPID-0002"]},
                         {"group_id": "CSAFGID-0001", "product_ids": ["CSAFPID-0003", "CSAFPID-0004"]}]
                        """));

        assertOnlyFails(document, "6.1.5", "/product_tree/product_groups/1/group_id");
    }

    @Test
    void productBothAffectedAndFixed() {
        ObjectNode document = add(advisory(), VULNERABILITY + "/product_status/fixed", "CSAFPID-0001");

        assertOnlyFails(document, "6.1.6", VULNERABILITY + "/product_status/known_affected/0");
    }

    @Test
    void twoCvss31ScoresForOneProduct() {
        ObjectNode document = advisory();
        ObjectNode second = document.at(VULNERABILITY + "/scores/0").deepCopy();
        second.set("products", json("[\"CSAFPID-0001\"]"));
        add(document, VULNERABILITY + "/scores", second);

        assertOnlyFails(document, "6.1.7", VULNERABILITY + "/scores/1/products/0");
    }

    @Test
    void sameCveInTwoVulnerabilities() {
        ObjectNode document = advisory();
        add(document, "/vulnerabilities", document.at(VULNERABILITY).deepCopy());

        assertOnlyFails(document, "6.1.23", "/vulnerabilities/1/cve");
    }

    @Test
    void samePartyTwiceAtTheSameMomentWrittenWithDifferentOffsets() {
        ObjectNode document = set(advisory(), VULNERABILITY + "/involvements", json("""
                        [{"party": "vendor", "status": "completed", "date": "2021-04-23T10:00:00.000Z"},
                         {"party": "vendor", "status": "in_progress", "date": "2021-04-23T12:00:00.000+02:00"}]
                        """));

        assertOnlyFails(document, "6.1.24", VULNERABILITY + "/involvements/1");
    }

    @Test
    void samePartyAtDifferentDatesPasses() {
        assertPasses(set(advisory(), VULNERABILITY + "/involvements", json("""
                        [{"party": "vendor", "status": "open", "date": "2021-04-22T10:00:00.000Z"},
                         {"party": "vendor", "status": "completed", "date": "2021-04-23T10:00:00.000Z"}]
                        """)));
    }

    @Test
    void sameHashAlgorithmTwiceForOneFile() {
        ObjectNode document =
                set(advisory(), FIRST_VERSION_BRANCH + "/product/product_identification_helper/hashes", json("""
                        [{"filename": "product_a.so", "file_hashes": [
                          {"algorithm": "sha256",
                           "value": "026a37919b182ef7c63791e82c9645e2f897a3f0b73c7a6028c7febf62e93838"},
                          {"algorithm": "sha256",
                           "value": "0a853ce2337f0608489ac596a308dc5b7b19d35a52b10bf31261586ac368b175"}]}]
                        """));

        assertOnlyFails(
                document,
                "6.1.25",
                FIRST_VERSION_BRANCH + "/product/product_identification_helper/hashes/0/file_hashes/1/algorithm");
    }

    @Test
    void remediationWithoutProducts() {
        ObjectNode document = remove(advisory(), VULNERABILITY + "/remediations/0/product_ids");

        assertOnlyFails(document, "6.1.29", VULNERABILITY + "/remediations/0");
    }

    @Test
    void versionRangeAsProductVersion() {
        ObjectNode document = set(advisory(), FIRST_VERSION_BRANCH + "/name", "prior to 1.0.0-rc2");

        assertOnlyFails(document, "6.1.31", FIRST_VERSION_BRANCH + "/name");
    }

    @Test
    void rangeWordsCountOnlyAsWordsOfTheirOwn() {
        assertOnlyFails(
                set(advisory(), FIRST_VERSION_BRANCH + "/name", "1.0 and Later"),
                "6.1.31",
                FIRST_VERSION_BRANCH + "/name");
        assertOnlyFails(
                set(advisory(), FIRST_VERSION_BRANCH + "/name", ">=1.0"), "6.1.31", FIRST_VERSION_BRANCH + "/name");
        for (String version : List.of("after-eight", "1.0-afterfix", "Allegro 2", "versionsX")) {
            assertEquals(
                    List.of(),
                    MandatoryTestAssertions.MANDATORY_TESTS.run(
                            set(advisory(), FIRST_VERSION_BRANCH + "/name", version)),
                    version);
        }
    }

    @Test
    void flagWithoutProducts() {
        ObjectNode document =
                set(advisory(), VULNERABILITY + "/flags", json("[{\"label\": \"component_not_present\"}]"));

        assertOnlyFails(document, "6.1.32", VULNERABILITY + "/flags/0");
    }

    @Test
    void twoVexJustificationFlagsForOneProductOneThroughAGroup() {
        ObjectNode document = set(
                advisory(),
                "/product_tree/product_groups",
                json("[{\"group_id\": \"CSAFGID-0001\", \"product_ids\": [\"CSAFPID-0001\", \"CSAFPID-0002\"]}]"));
        set(document, VULNERABILITY + "/flags", json("""
                        [{"label": "component_not_present", "group_ids": ["CSAFGID-0001"]},
                         {"label": "vulnerable_code_not_present", "product_ids": ["CSAFPID-0001"]}]
                        """));

        assertOnlyFails(document, "6.1.33", VULNERABILITY + "/flags/1");
    }

    @Test
    void vexJustificationFlagsForDifferentProductsPass() {
        assertPasses(set(advisory(), VULNERABILITY + "/flags", json("""
                        [{"label": "component_not_present", "product_ids": ["CSAFPID-0001"]},
                         {"label": "vulnerable_code_not_present", "product_ids": ["CSAFPID-0002"]}]
                        """)));
    }
}
