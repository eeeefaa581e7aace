package dev.herd.hub.csaf;

import static dev.herd.hub.HubFixtures.CSAF_PROVIDER;
import static dev.herd.hub.HubFixtures.pushFor;
import static dev.herd.hub.csaf.CsafDocuments.json;
import static dev.herd.hub.csaf.CsafDocuments.load;
import static dev.herd.hub.csaf.CsafDocuments.set;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herd.contracts.advisory.AdvisoryChanged;
import dev.herd.contracts.outbox.OutboxRelay;
import dev.herd.hub.HubFixtures;
import dev.herd.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A vendor CSAF document pushed through the API becomes an advisory with the affected packages its product tree and
 * statuses say (purl helpers, vers ranges, fixed versions), announced to the portal; bad product trees, NULs, wrong
 * CWE names and schema-invalid CVSS are rejected naming the field and the test.
 */
@QuarkusTest
class CsafProductMatchingTest {

    private static final String ADVISORY = "CVE-2022-27193";

    @Inject
    HubFixtures fixtures;

    @Inject
    ConnectionFactory connections;

    @Inject
    OutboxRelay relay;

    @Inject
    ObjectMapper json;

    @BeforeEach
    void clean() {
        fixtures.resetWithProviders();
    }

    /** The BSI advisory with a vendor product tree: npm and Maven purls with vers ranges, a Debian one, a CPE one. */
    static ObjectNode vendorDocument() throws IOException {
        ObjectNode document = load("bsi-2022-0001.json");
        try (InputStream tree = CsafProductMatchingTest.class.getResourceAsStream("/csaf/vendor/product-tree.json")) {
            document.set("product_tree", CsafDocuments.JSON.readTree(tree));
        }
        set(document, "/vulnerabilities/0/product_status", json("""
                {"known_affected": ["CSAFPID-0001", "CSAFPID-0003", "CSAFPID-0005", "CSAFPID-0007"],
                 "fixed": ["CSAFPID-0002", "CSAFPID-0004"], "first_fixed": ["CSAFPID-0006"]}
                """));
        set(document, "/vulnerabilities/0/remediations/0/product_ids", json("""
                ["CSAFPID-0001", "CSAFPID-0003", "CSAFPID-0005", "CSAFPID-0007"]"""));
        set(document, "/vulnerabilities/0/scores/0/products", json("[\"CSAFPID-0001\"]"));
        return document;
    }

    @Test
    void vendorProductTreeBecomesAffectedPackagesAnnouncedToThePortal() throws Exception {
        try (JMSContext context = connections.createContext(JMSContext.AUTO_ACKNOWLEDGE);
                JMSConsumer consumer = context.createConsumer(context.createTopic(AdvisoryChanged.ADDRESS))) {
            pushFor(CSAF_PROVIDER, vendorDocument().toString())
                    .then()
                    .statusCode(200)
                    .body("results[0].status", equalTo("accepted"))
                    .body("results[0].id", equalTo(ADVISORY))
                    .body("results[0].warnings.code", hasItem("csaf-products-unmatched"))
                    .body("results[0].warnings.message", hasItem(containsString("CSAFPID-0007 (CPE only")));

            given().auth()
                    .oauth2(KeycloakTokens.user("herd-admin"))
                    .get("/api/advisories/" + ADVISORY)
                    .then()
                    .statusCode(200)
                    .body("affected.size()", equalTo(3))
                    .body("affected.find { it.ecosystem == 'npm' }.name", equalTo("left-pad"))
                    .body("affected.find { it.ecosystem == 'npm' }.purl", equalTo("pkg:npm/left-pad"))
                    .body(
                            "affected.find { it.ecosystem == 'npm' }.ranges[0].events",
                            equalTo(List.of(Map.of("introduced", "1.0.0"), Map.of("fixed", "1.3.0"))))
                    .body(
                            "affected.find { it.ecosystem == 'Debian:12' }.ranges[0].events",
                            equalTo(List.of(Map.of("introduced", "3.0.0-1"), Map.of("fixed", "3.0.11-1~deb12u1"))))
                    .body("affected.find { it.ecosystem == 'Maven' }.name", equalTo("org.example:lib"))
                    .body(
                            "affected.find { it.ecosystem == 'Maven' }.ranges[0].events",
                            equalTo(List.of(Map.of("introduced", "2.0.0"), Map.of("fixed", "2.4.1"))))
                    .body("patches.fixedVersion", hasItems("1.3.0", "3.0.11-1~deb12u1", "2.4.1"));

            relay.sendBatch();
            TextMessage message = (TextMessage) consumer.receive(10_000);
            assertNotNull(message, "no message on " + AdvisoryChanged.ADDRESS);
            AdvisoryChanged changed = json.readValue(message.getText(), AdvisoryChanged.class);
            assertEquals(ADVISORY, changed.advisoryId());
            AdvisoryChanged.Affected debian = changed.affected().stream()
                    .filter(a -> a.ecosystem().equals("Debian:12"))
                    .findFirst()
                    .orElseThrow();
            assertEquals("openssl", debian.name());
            assertEquals(
                    List.of(
                            new AdvisoryChanged.Event("3.0.0-1", null, null, null),
                            new AdvisoryChanged.Event(null, "3.0.11-1~deb12u1", null, null)),
                    debian.ranges().get(0).events());
            assertEquals(true, changed.packages().contains(new AdvisoryChanged.PackageRef("npm", "left-pad")));
        }
    }

    /**
     * The BSI advisory with a vendor product tree whose products carry only CPEs: a vers range on a CPE without
     * version, its fixed version, an exact version in a CPE 2.2 URI, hardware and a service pack (both unmatched).
     */
    static ObjectNode cpeOnlyDocument() throws IOException {
        ObjectNode document = load("bsi-2022-0001.json");
        try (InputStream tree =
                CsafProductMatchingTest.class.getResourceAsStream("/csaf/vendor/cpe-product-tree.json")) {
            document.set("product_tree", CsafDocuments.JSON.readTree(tree));
        }
        set(document, "/vulnerabilities/0/product_status", json("""
                {"known_affected": ["CSAFPID-0101", "CSAFPID-0103", "CSAFPID-0104", "CSAFPID-0105"],
                 "fixed": ["CSAFPID-0102"]}
                """));
        set(document, "/vulnerabilities/0/remediations/0/product_ids", json("""
                ["CSAFPID-0101", "CSAFPID-0103", "CSAFPID-0104", "CSAFPID-0105"]"""));
        set(document, "/vulnerabilities/0/scores/0/products", json("[\"CSAFPID-0101\"]"));
        return document;
    }

    @Test
    void cpeOnlyProductsBecomeCpeNamedPackagesAnnouncedToThePortal() throws Exception {
        try (JMSContext context = connections.createContext(JMSContext.AUTO_ACKNOWLEDGE);
                JMSConsumer consumer = context.createConsumer(context.createTopic(AdvisoryChanged.ADDRESS))) {
            pushFor(CSAF_PROVIDER, cpeOnlyDocument().toString())
                    .then()
                    .statusCode(200)
                    .body("results[0].status", equalTo("accepted"))
                    .body(
                            "results[0].warnings.find { it.code == 'csaf-products-unmatched' }.message",
                            allOf(
                                    containsString("2 affected product(s)"),
                                    containsString("CSAFPID-0104 (CPE only: cpe:2.3:h:acme:appliance:7.1"),
                                    containsString("names hardware (part h)"),
                                    containsString("CSAFPID-0105 (CPE only: cpe:2.3:a:acme:acme-agent:3.0:sp1"),
                                    containsString("names an update ('sp1')")));

            given().auth()
                    .oauth2(KeycloakTokens.user("herd-admin"))
                    .get("/api/advisories/" + ADVISORY)
                    .then()
                    .statusCode(200)
                    .body("affected.size()", equalTo(2))
                    .body("affected.ecosystem", everyItem(equalTo("CPE")))
                    .body("affected.name", containsInAnyOrder("acme:acme-agent", "acme:widget-lib"))
                    .body(
                            "affected.find { it.name == 'acme:acme-agent' }.ranges[0].events",
                            equalTo(List.of(Map.of("introduced", "4.0.0"), Map.of("fixed", "4.2.3"))))
                    .body("affected.find { it.name == 'acme:widget-lib' }.versions", equalTo(List.of("2.1.0")))
                    .body("patches.find { it.ecosystem == 'CPE' }.packageName", equalTo("acme:acme-agent"))
                    .body("patches.find { it.ecosystem == 'CPE' }.fixedVersion", equalTo("4.2.3"));

            relay.sendBatch();
            TextMessage message = (TextMessage) consumer.receive(10_000);
            assertNotNull(message, "no message on " + AdvisoryChanged.ADDRESS);
            AdvisoryChanged changed = json.readValue(message.getText(), AdvisoryChanged.class);
            AdvisoryChanged.Affected agent = changed.affected().stream()
                    .filter(a -> a.name().equals("acme:acme-agent"))
                    .findFirst()
                    .orElseThrow();
            assertEquals("CPE", agent.ecosystem());
            assertEquals(
                    List.of(
                            new AdvisoryChanged.Event("4.0.0", null, null, null),
                            new AdvisoryChanged.Event(null, "4.2.3", null, null)),
                    agent.ranges().get(0).events());
            assertEquals(true, changed.packages().contains(new AdvisoryChanged.PackageRef("CPE", "acme:widget-lib")));
        }
    }

    @Test
    void aMalformedCpeIsRejectedByTheSchemaNamingTheField() throws Exception {
        ObjectNode document = cpeOnlyDocument();
        String helper = "/product_tree/branches/0/branches/1/branches/0/product/product_identification_helper/cpe";
        set(document, helper, "cpe:2.3:a:acme");

        rejected(push(document), "csaf-schema", helper);
        assertEquals(0, fixtures.count("advisory"));
    }

    @Test
    void aProductVersionWithTheWordAfterInsideAWordIsAccepted() throws Exception {
        ObjectNode document = vendorDocument();
        set(document, "/product_tree/branches/0/branches/1/branches/1/name", "after-eight");

        push(document).body("results[0].status", equalTo("accepted"));
    }

    @Test
    void aWrongCweNameIsRejectedNaming6111() throws Exception {
        ObjectNode document = vendorDocument();
        set(document, "/vulnerabilities/0/cwe", json("{\"id\": \"CWE-79\", \"name\": \"Cross-site scripting\"}"));

        rejected(push(document), "csaf-6.1.11", "/vulnerabilities/0/cwe/name");
    }

    @Test
    void aSchemaInvalidCvss30IsRejectedNaming618Too() throws Exception {
        ObjectNode document = vendorDocument();
        set(document, "/vulnerabilities/0/scores/0/cvss_v3", json("""
                {"version": "3.0", "vectorString": "CVSS:3.0/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:N/A:L",
                 "baseScore": 6.1, "baseSeverity": "EXTREME"}"""));

        push(document)
                .body("results[0].status", equalTo("rejected"))
                .body("results[0].errors.code", hasItems("csaf-schema", "csaf-6.1.8"))
                .body(
                        "results[0].errors.find { it.code == 'csaf-6.1.8' }.message",
                        containsString("/vulnerabilities/0/scores/0/cvss_v3"));
        assertEquals(0, fixtures.count("advisory"));
    }

    @Test
    void badProductTreesAreRejectedNamingTheField() throws Exception {
        ObjectNode badPurl = vendorDocument();
        set(
                badPurl,
                "/product_tree/branches/0/branches/0/branches/0/product/product_identification_helper/purl",
                "pkg:npm");
        rejected(
                push(badPurl),
                "csaf-6.1.13",
                "/product_tree/branches/0/branches/0/branches/0/product/product_identification_helper/purl");

        ObjectNode badVers = vendorDocument();
        set(badVers, "/product_tree/branches/0/branches/0/branches/0/name", "vers:npm/>=1.0.0|<");
        rejected(push(badVers), "csaf-vers-invalid", "/product_tree/branches/0/branches/0/branches/0/name");

        ObjectNode nul = vendorDocument();
        set(nul, "/vulnerabilities/0/notes/0/text", "evil\u0000text");
        rejected(push(nul), "nul-character", "/vulnerabilities/0/notes/0/text");

        assertEquals(0, fixtures.count("advisory"));
    }

    @Test
    void rangesHerdCannotExpressAreNotMatchedAndSaySo() throws Exception {
        ObjectNode document = vendorDocument();
        set(document, "/product_tree/branches/0/branches/0/branches/0/name", "vers:npm/>1.0.0|<1.3.0");

        push(document)
                .body("results[0].status", equalTo("accepted"))
                .body(
                        "results[0].warnings.message",
                        hasItem(containsString("CSAFPID-0001 (vers range: '>1.0.0' has no OSV range event)")));
    }

    private static ValidatableResponse push(ObjectNode document) {
        return pushFor(CSAF_PROVIDER, document.toString()).then().statusCode(200);
    }

    private static void rejected(ValidatableResponse response, String code, String field) {
        response.body("results[0].status", equalTo("rejected"))
                .body("results[0].errors.code", hasItem(code))
                .body("results[0].errors.find { it.code == '" + code + "' }.message", containsString(field));
    }
}
