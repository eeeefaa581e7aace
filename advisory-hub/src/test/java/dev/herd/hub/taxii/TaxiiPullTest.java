package dev.herd.hub.taxii;

import static dev.herd.testing.KeycloakTokens.client;
import static dev.herd.testing.KeycloakTokens.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herd.contracts.damage.DamageReport;
import dev.herd.hub.HubFixtures;
import dev.herd.hub.community.CommunityService;
import dev.herd.hub.stix.StixIds;
import dev.herd.testing.EmbeddedArtemisResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Community indicators pulled over TAXII 2.1 as an outside client would (discovery, API root, collections, objects
 * with paging and added_after, manifest), every object valid against the OASIS STIX 2.1 schemas; revocation; who may
 * read; and that no tenant and no origin ever shows.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class TaxiiPullTest {

    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Inject
    HubFixtures fixtures;

    @Inject
    CommunityService community;

    @BeforeEach
    void clean() {
        fixtures.resetWithProviders();
    }

    @Test
    void anOutsideClientPullsEveryIndicatorPageByPageAndEachIsValidStix() {
        report("origin-1", indicator(DamageReport.Type.FILE_HASH, HASH, null, null));
        report("origin-1", indicator(DamageReport.Type.ATTACKER_ADDRESS, "203.0.113.0/24", "tcp", 22));
        report("origin-2", indicator(DamageReport.Type.ATTACKER_ADDRESS, "203.0.113.0/24", "tcp", 22));
        report("origin-3", indicator(DamageReport.Type.SIGNATURE, "GET /cgi-bin/.%2e/'sh'", "tcp", 443));
        report(
                "origin-3",
                indicator(DamageReport.Type.SIGNATURE, "x", "udp", 53),
                indicator(DamageReport.Type.ATTACKER_ADDRESS, "2001:db8::7", null, null));

        TaxiiClient taxii = new TaxiiClient("taxii-partner");
        String objects = taxii.objectsUrl();
        List<JsonNode> pages = taxii.pages(objects, Map.of("limit", "2"));
        assertEquals(3, pages.size(), "4 indicators, identity and marking in pages of 2: " + pages);
        List<JsonNode> all = TaxiiClient.items(pages);
        assertEquals(6, all.size());
        for (JsonNode object : all) {
            assertEquals(List.of(), StixSchemas.errors(object), object.toString());
        }
        Map<String, Long> types =
                all.stream().collect(Collectors.groupingBy(o -> o.path("type").asText(), Collectors.counting()));
        assertEquals(Map.of("indicator", 4L, "identity", 1L, "marking-definition", 1L), types);
        JsonNode confirmed = all.stream()
                .filter(o -> o.path("pattern").asText().contains("203.0.113.0/24"))
                .findFirst()
                .orElseThrow();
        assertEquals(70, confirmed.path("confidence").asInt(), "two origins: " + confirmed);
        assertEquals(2, confirmed.path("x_herd_origins").asInt());
        assertEquals(StixIds.HERD_IDENTITY, confirmed.path("created_by_ref").asText());
        assertEquals(
                StixIds.TLP_GREEN, confirmed.path("object_marking_refs").get(0).asText());
        assertTrue(confirmed
                .path("external_references")
                .get(0)
                .path("external_id")
                .asText()
                .startsWith("HERD-COMMUNITY-"));

        // Nothing new after the last date_added a client saw; a new advisory is all the next poll gets.
        String last = taxii.get(objects, Map.of()).header("X-TAXII-Date-Added-Last");
        JsonNode nothing = taxii.json(taxii.get(objects, Map.of("added_after", last)));
        assertFalse(nothing.path("more").asBoolean());
        assertFalse(nothing.has("objects"), nothing.toString());
        report("origin-4", indicator(DamageReport.Type.FILE_HASH, HASH.replace('9', '8'), null, null));
        List<JsonNode> added = TaxiiClient.items(taxii.pages(objects, Map.of("added_after", last)));
        assertEquals(1, added.size(), added.toString());
        assertTrue(added.get(0).path("pattern").asText().contains(HASH.replace('9', '8')));

        // The manifest lists the same object versions, page by page.
        List<JsonNode> manifest =
                TaxiiClient.items(taxii.pages(objects.replace("/objects/", "/manifest/"), Map.of("limit", "3")));
        assertEquals(7, manifest.size());
        Set<String> ids = manifest.stream().map(m -> m.path("id").asText()).collect(Collectors.toSet());
        all.forEach(o ->
                assertTrue(ids.contains(o.path("id").asText()), o.path("id").asText()));
        for (JsonNode entry : manifest) {
            assertEquals(
                    "application/stix+json;version=2.1",
                    entry.path("media_type").asText());
            assertTrue(entry.path("date_added").asText().matches(".*T.*\\.\\d{6}Z"), entry.toString());
        }
        // One object by id, and only indicators by type.
        String id = confirmed.path("id").asText();
        assertEquals(
                confirmed,
                TaxiiClient.items(taxii.pages(objects + id + "/", Map.of())).get(0));
        assertEquals(
                5,
                TaxiiClient.items(taxii.pages(objects, Map.of("match[type]", "indicator")))
                        .size());
    }

    @Test
    void revokingACommunityAdvisoryPublishesTheRevokedObjectToAddedAfterPulls() {
        String advisory = report("origin-1", indicator(DamageReport.Type.FILE_HASH, HASH, null, null));
        TaxiiClient taxii = new TaxiiClient("taxii-partner");
        String objects = taxii.objectsUrl();
        io.restassured.response.Response before = taxii.get(objects, Map.of("match[type]", "indicator"));
        JsonNode original = taxii.json(before).path("objects").get(0);
        String seen = before.header("X-TAXII-Date-Added-Last");

        given().auth()
                .oauth2(user("herd-admin"))
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"false positive\"}")
                .post("/api/community-advisories/" + advisory + "/revoke")
                .then()
                .statusCode(200);

        List<JsonNode> pulled = TaxiiClient.items(taxii.pages(objects, Map.of("added_after", seen)));
        assertEquals(1, pulled.size(), pulled.toString());
        JsonNode revoked = pulled.get(0);
        assertEquals(original.path("id"), revoked.path("id"));
        assertTrue(revoked.path("revoked").asBoolean(), revoked.toString());
        assertTrue(
                Instant.parse(revoked.path("modified").asText())
                        .isAfter(Instant.parse(original.path("modified").asText())),
                revoked.toString());
        assertEquals(List.of(), StixSchemas.errors(revoked));
        String id = revoked.path("id").asText();
        JsonNode versions = taxii.json(taxii.get(objects + id + "/versions/", Map.of()));
        assertEquals(2, versions.path("versions").size(), versions.toString());
        assertEquals(
                2,
                TaxiiClient.items(taxii.pages(objects, Map.of("match[id]", id, "match[version]", "all")))
                        .size());
        // A later report of the same indicators changes nothing that is served.
        report("origin-2", indicator(DamageReport.Type.FILE_HASH, HASH, null, null));
        assertEquals(
                0,
                TaxiiClient.items(taxii.pages(
                                objects,
                                Map.of(
                                        "added_after",
                                        taxii.get(objects, Map.of()).header("X-TAXII-Date-Added-Last"))))
                        .size());
    }

    @Test
    void aTenantBoundConsumerSeesNeitherTenantsNorOriginsNorReportText() {
        report("pseudonym-of-acme", indicator(DamageReport.Type.FILE_HASH, HASH, null, null));
        report("pseudonym-of-globex", indicator(DamageReport.Type.FILE_HASH, HASH, null, null));
        TaxiiClient taxii = new TaxiiClient("taxii-acme");
        String objects = taxii.objectsUrl();
        String everything =
                taxii.pages(objects, Map.of("match[version]", "all")).toString()
                        + taxii.pages(objects.replace("/objects/", "/manifest/"), Map.of())
                        + taxii.get("/taxii2/", Map.of()).asString();
        for (String secret : List.of("acme", "globex", "pseudonym", "network of")) {
            assertFalse(everything.toLowerCase(Locale.ROOT).contains(secret.toLowerCase(Locale.ROOT)), secret);
        }
        assertTrue(everything.contains(HASH), "the indicator itself is served");
    }

    @Test
    void onlyTaxiiConsumersAndStaffReadAndOnlyTaxiiMediaTypesAreAnswered() {
        given().accept(TaxiiClient.ACCEPT).get("/taxii2/").then().statusCode(401);
        for (String token : List.of(
                user("acme-admin"),
                user("acme-viewer"),
                client("provider-csaf-demo", "provider-csaf-demo-secret"),
                client("gateway-acme", "gateway-acme-secret"),
                client("recovery-broker", "recovery-broker-secret"))) {
            given().auth()
                    .oauth2(token)
                    .accept(TaxiiClient.ACCEPT)
                    .get("/taxii2/")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        for (String staff : List.of("herd-admin", "herd-analyst")) {
            given().auth()
                    .oauth2(user(staff))
                    .accept(TaxiiClient.ACCEPT)
                    .get("/taxii2/")
                    .then()
                    .statusCode(200);
        }
        String partner = client("taxii-partner", "taxii-partner-secret");
        for (String accept : List.of("application/json", "application/taxii+json;version=2.0", "text/html")) {
            given().auth()
                    .oauth2(partner)
                    .accept(accept)
                    .get("/taxii2/")
                    .then()
                    .statusCode(406)
                    .contentType("application/problem+json")
                    .body("code", equalTo("not-acceptable"));
        }
        given().auth()
                .oauth2(partner)
                .accept("application/taxii+json")
                .get("/taxii2/")
                .then()
                .statusCode(200);
        String objects = "/taxii2/herd/collections/" + dev.herd.hub.taxii.TaxiiService.COLLECTION_ID + "/objects/";
        for (Map.Entry<String, String> bad : Map.of(
                        "limit", "0",
                        "added_after", "yesterday",
                        "next", "not-a-cursor",
                        "match[type]", "Indicator!",
                        "match[version]", "newest",
                        "match[id]", "indicator--1")
                .entrySet()) {
            given().auth()
                    .oauth2(partner)
                    .accept(TaxiiClient.ACCEPT)
                    .queryParam(bad.getKey(), bad.getValue())
                    .get(objects)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem(bad.getKey()));
        }
        given().auth()
                .oauth2(partner)
                .accept(TaxiiClient.ACCEPT)
                .get("/taxii2/herd/collections/" + UUID.randomUUID() + "/objects/")
                .then()
                .statusCode(404)
                .body("code", equalTo("collection-not-found"));
    }

    private String report(String origin, DamageReport.Indicator... indicators) {
        DamageReport report = new DamageReport(
                UUID.randomUUID(), origin, Instant.now(), List.of(indicators), 2, "Damage at the network of acme");
        QuarkusTransaction.requiringNew().run(() -> community.receive(report, Instant.now()));
        return dev.herd.hub.community.CommunityIndicators.of(List.of(indicators))
                .advisoryId();
    }

    private static DamageReport.Indicator indicator(
            DamageReport.Type type, String value, String protocol, Integer port) {
        return new DamageReport.Indicator(type, value, protocol, port);
    }
}
