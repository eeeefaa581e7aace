package dev.herd.hub.csaf;

import static dev.herd.hub.csaf.CsafDocuments.json;
import static dev.herd.hub.csaf.CsafDocuments.load;
import static dev.herd.hub.csaf.CsafDocuments.set;
import static dev.herd.hub.csaf.MandatoryTestAssertions.assertOnlyFails;
import static dev.herd.hub.csaf.MandatoryTestAssertions.assertPasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Failing fixtures for the tests on CWE, languages, purls and the document category. */
class DocumentMetadataTestsTest {

    private static final String HELPER =
            "/product_tree/branches/0/branches/0/branches/0/product/product_identification_helper";

    private static ObjectNode advisory() {
        return load("bsi-2022-0001.json");
    }

    @Test
    void malformedCweId() {
        ObjectNode document = set(advisory(), "/vulnerabilities/0/cwe/id", "CWE-0611");

        assertOnlyFails(document, "6.1.11", "/vulnerabilities/0/cwe/id");
    }

    @Test
    void cweWithoutName() {
        ObjectNode document = set(advisory(), "/vulnerabilities/0/cwe/name", " ");

        assertOnlyFails(document, "6.1.11", "/vulnerabilities/0/cwe/name");
    }

    @Test
    void cweNameThatIsNotTheCataloguesName() {
        ObjectNode document = set(advisory(), "/vulnerabilities/0/cwe/name", "XML External Entities");

        assertOnlyFails(document, "6.1.11", "/vulnerabilities/0/cwe/name");
    }

    @Test
    void cweIdNotInTheCatalogue() {
        ObjectNode document = set(advisory(), "/vulnerabilities/0/cwe/id", "CWE-999999");

        assertOnlyFails(document, "6.1.11", "/vulnerabilities/0/cwe/id");
    }

    @Test
    void cweNameOfAnEarlierCatalogueVersionPasses() {
        ObjectNode document = set(advisory(), "/vulnerabilities/0/cwe", CsafDocuments.json("""
                {"id": "CWE-79", "name": "Failure to Preserve Web Page Structure ('Cross-site Scripting')"}"""));

        assertEquals(List.of(), MandatoryTestAssertions.MANDATORY_TESTS.run(document));
    }

    @Test
    void regionCodeAsLanguage() {
        ObjectNode document = set(advisory(), "/document/lang", "EZ");

        assertOnlyFails(document, "6.1.12", "/document/lang");
    }

    @Test
    void malformedSourceLanguage() {
        ObjectNode document = set(advisory(), "/document/source_lang", "en_US");

        assertOnlyFails(document, "6.1.12", "/document/source_lang");
    }

    @Test
    void purlWithoutName() {
        ObjectNode document = set(advisory(), HELPER + "/purl", "pkg:maven/@1.3.4");

        assertOnlyFails(document, "6.1.13", HELPER + "/purl");
    }

    @Test
    void validPurlPasses() {
        assertPasses(set(advisory(), HELPER + "/purl", "pkg:rpm/redhat/openssl@1.1.1k-5.el8_5?arch=x86_64"));
    }

    @Test
    void translatorWithoutSourceLanguage() {
        ObjectNode document = set(advisory(), "/document/publisher/category", "translator");

        assertOnlyFails(document, "6.1.15", "/document/source_lang");
        assertPasses(set(document, "/document/source_lang", "de-DE"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Security_Incident_Response",
                "Informational Advisory",
                "security-incident-response",
                "Security      Advisory",
                "veX",
                "V_eX",
                "Csaf_a",
                "csaf_vex_light"
            })
    void categoryNamingAnotherProfile(String category) {
        ObjectNode document = set(load("cisco-sa-20180328-smi2.json"), "/document/category", category);

        assertOnlyFails(document, "6.1.26", "/document/category");
    }

    @Test
    void sameSourceAndDocumentLanguage() {
        ObjectNode document = set(advisory(), "/document/source_lang", "EN-us");

        assertOnlyFails(document, "6.1.28", "/document/source_lang");
        assertPasses(set(advisory(), "/document/source_lang", "en-GB"));
    }

    @Test
    void languageOfAnotherShapeIsLeftToTheSchema() {
        assertPasses(set(advisory(), "/document/lang", json("7")));
    }
}
