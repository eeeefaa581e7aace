package dev.herd.hub.stix;

import static dev.herd.testing.KeycloakTokens.client;
import static dev.herd.testing.KeycloakTokens.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herd.contracts.damage.DamageReport;
import dev.herd.hub.HubFixtures;
import dev.herd.hub.community.CommunityIndicators;
import dev.herd.hub.community.CommunityService;
import dev.herd.hub.taxii.StixSchemas;
import dev.herd.hub.taxii.TaxiiService;
import dev.herd.testing.EmbeddedArtemisResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A provider pushes a STIX 2.1 bundle of indicators: they become community-style advisories (the same ids damage
 * reports give, so tenants get rules from them); bad bundles are one 400 problem naming the field, and store nothing.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class StixPushTest {

    private static final String PUSH = "/api/advisories/stix";
    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    HubFixtures fixtures;

    @Inject
    CommunityService community;

    @BeforeEach
    void clean() {
        fixtures.resetWithProviders();
    }

    @Test
    void aBundleOfIndicatorsBecomesCommunityStyleAdvisoriesWithRules() {
        ObjectNode bundle = bundle(
                indicator("[file:hashes.'SHA-256' = '" + HASH + "']"),
                indicator("[network-traffic:src_ref.value = '198.51.100.7' AND network-traffic:dst_port = 22 AND "
                        + "network-traffic:protocols[*] = 'tcp'] OR [network-traffic:src_payload_ref.payload_bin "
                        + "MATCHES 'SSH-2\\\\.0-evil']"));
        bundle.withArray("objects")
                .addObject()
                .put("type", "identity")
                .put("spec_version", "2.1")
                .put("id", "identity--" + UUID.randomUUID())
                .put("created", "2025-01-01T00:00:00.000Z")
                .put("modified", "2025-01-01T00:00:00.000Z")
                .put("name", "Some CERT");
        for (JsonNode object : bundle.withArray("objects")) {
            assertEquals(List.of(), StixSchemas.errors(object), "the test's bundle is valid STIX: " + object);
        }
        String hashAdvisory = CommunityIndicators.of(
                        List.of(new DamageReport.Indicator(DamageReport.Type.FILE_HASH, HASH, null, null)))
                .advisoryId();

        push(bundle)
                .statusCode(200)
                .body("accepted", equalTo(2))
                .body("results", hasSize(2))
                .body("results[0].index", equalTo(0))
                .body("results[0].advisoryId", equalTo(hashAdvisory));
        given().auth()
                .oauth2(user("herd-admin"))
                .get("/api/advisories/" + hashAdvisory)
                .then()
                .statusCode(200)
                .body("knownExploited", equalTo(true))
                .body("actionable", equalTo(true))
                .body("mitigations.description", hasItem("file sha256 " + HASH))
                .body("provenance[0].format", equalTo("STIX"));
        String second = push(bundle).statusCode(200).extract().path("results[1].advisoryId");
        given().auth()
                .oauth2(user("herd-admin"))
                .get("/api/advisories/" + second)
                .then()
                .statusCode(200)
                .body("mitigations.sourceAddress", hasItem("198.51.100.7"))
                .body("mitigations.signature", hasItem("SSH-2.0-evil"));
        push(bundle).statusCode(200).body("unchanged", equalTo(2));

        // Damage of the same indicators joins the provider's advisory: one advisory, two kinds of provenance.
        QuarkusTransaction.requiringNew()
                .run(() -> community.receive(
                        new DamageReport(
                                UUID.randomUUID(),
                                "origin-1",
                                Instant.now(),
                                List.of(new DamageReport.Indicator(DamageReport.Type.FILE_HASH, HASH, null, null)),
                                1,
                                null),
                        Instant.now()));
        given().auth()
                .oauth2(user("herd-admin"))
                .get("/api/advisories/" + hashAdvisory)
                .then()
                .statusCode(200)
                .body("provenance", hasSize(2));
    }

    @Test
    void whatHerdServesOverTaxiiReadsBackAsTheSameAdvisory() {
        QuarkusTransaction.requiringNew()
                .run(() -> community.receive(
                        new DamageReport(
                                UUID.randomUUID(),
                                "origin-1",
                                Instant.now(),
                                List.of(
                                        new DamageReport.Indicator(
                                                DamageReport.Type.SIGNATURE, "it's a \\ trap", "tcp", 8080),
                                        new DamageReport.Indicator(
                                                DamageReport.Type.ATTACKER_ADDRESS, "192.0.2.0/24", null, null)),
                                1,
                                null),
                        Instant.now()));
        JsonNode served = JSON.valueToTree(given().auth()
                .oauth2(client("taxii-partner", "taxii-partner-secret"))
                .accept("application/taxii+json;version=2.1")
                .queryParam("match[type]", "indicator")
                .get("/taxii2/herd/collections/" + TaxiiService.COLLECTION_ID + "/objects/")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("objects[0]"));
        String advisory =
                served.path("external_references").get(0).path("external_id").asText();
        push(bundle((ObjectNode) served))
                .statusCode(200)
                .body("results[0].advisoryId", equalTo(advisory))
                .body("results[0].status", equalTo("merged"));
    }

    @Test
    void badBundlesAreOneProblemNamingTheFieldAndStoreNothing() {
        expectProblem(push("{\"not\": \"json"), 400, "malformed-json", null);
        expectProblem(push("{\"id\":\"GO-2020-0001\",\"modified\":\"2024-05-20T16:03:47Z\"}"), 400, null, "type");
        expectProblem(push(bundle(indicator("[process:name = 'evil.exe']"))), 400, null, "objects[0].pattern")
                .body("errors[0].code", equalTo("pattern-unsupported"));
        expectProblem(push(bundle(indicator("[ipv4-addr:value = '1.2"))), 400, null, "objects[0].pattern")
                .body("errors[0].code", equalTo("pattern-invalid"));
        expectProblem(push(bundle(indicator("[file:hashes.'SHA-256' = 'abc']"))), 400, null, "objects[0].pattern")
                .body("errors[0].code", equalTo("indicator-invalid"));
        ObjectNode snort = indicator("alert tcp any any -> any 80 (content:\"evil\";)");
        snort.put("pattern_type", "snort");
        expectProblem(push(bundle(snort)), 400, null, "objects[0].pattern_type");
        ObjectNode nul = indicator("[ipv4-addr:value = '192.0.2.1']");
        nul.put("name", "evil\u0000name");
        expectProblem(push(bundle(nul)), 400, null, "objects[0].name").body("errors[0].code", equalTo("nul-character"));
        ObjectNode noTime = indicator("[ipv4-addr:value = '192.0.2.1']");
        noTime.put("valid_from", "2025-02-30T00:00:00Z");
        expectProblem(push(bundle(noTime)), 400, null, "objects[0].valid_from");
        ObjectNode badId = indicator("[ipv4-addr:value = '192.0.2.1']");
        badId.put("id", "indicator--42");
        expectProblem(push(bundle(badId)), 400, null, "objects[0].id");
        expectProblem(push(bundle()), 400, null, "objects").body("errors[0].code", equalTo("no-indicators"));
        ObjectNode many = bundle();
        for (int i = 0; i < 51; i++) {
            many.withArray("objects").add(indicator("[ipv4-addr:value = '192.0.2." + i + "']"));
        }
        expectProblem(push(many), 400, null, "objects").body("errors[0].code", equalTo("too-many-objects"));
        ObjectNode huge = indicator("[ipv4-addr:value = '192.0.2.1']");
        huge.put("description", "x".repeat(300_000));
        expectProblem(push(bundle(huge)), 413, "body-too-large", null);
        assertEquals(0, fixtures.count("provenance"), "nothing of a bad bundle is stored");
        assertEquals(0, fixtures.count("advisory"));
    }

    @Test
    void onlyProvidersAndMsspAdminsPush() {
        String body = bundle(indicator("[ipv4-addr:value = '192.0.2.1']")).toString();
        given().contentType("application/json").body(body).post(PUSH).then().statusCode(401);
        for (String token : List.of(
                user("herd-analyst"),
                user("acme-admin"),
                client("taxii-partner", "taxii-partner-secret"),
                client("gateway-acme", "gateway-acme-secret"))) {
            given().auth()
                    .oauth2(token)
                    .contentType("application/json")
                    .body(body)
                    .post(PUSH)
                    .then()
                    .statusCode(403);
        }
        given().auth()
                .oauth2(user("herd-admin"))
                .contentType("application/stix+json;version=2.1")
                .queryParam("provider", HubFixtures.OSV_PROVIDER)
                .body(body)
                .post(PUSH)
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1));
        assertTrue(fixtures.count("provenance WHERE provider_id = 'osv-demo' AND format = 'STIX'") == 1);
    }

    private static ValidatableResponse expectProblem(
            ValidatableResponse response, int status, String code, String field) {
        response.statusCode(status).contentType("application/problem+json");
        if (code != null) {
            response.body("code", equalTo(code));
        }
        if (field != null) {
            response.body("errors[0].field", equalTo(field));
        }
        return response;
    }

    private static ValidatableResponse push(Object body) {
        return given().auth()
                .oauth2(client("provider-csaf-demo", "provider-csaf-demo-secret"))
                .contentType("application/json")
                .body(body.toString())
                .post(PUSH)
                .then();
    }

    private static ObjectNode bundle(ObjectNode... objects) {
        ObjectNode bundle = JSON.createObjectNode();
        bundle.put("type", "bundle");
        bundle.put("id", "bundle--" + UUID.randomUUID());
        ArrayNode list = bundle.putArray("objects");
        for (ObjectNode object : objects) {
            list.add(object);
        }
        return bundle;
    }

    private static ObjectNode indicator(String pattern) {
        ObjectNode indicator = JSON.createObjectNode();
        indicator.put("type", "indicator");
        indicator.put("spec_version", "2.1");
        indicator.put("id", "indicator--" + UUID.randomUUID());
        indicator.put("created", "2025-03-01T10:00:00.000Z");
        indicator.put("modified", "2025-03-01T10:00:00.000Z");
        indicator.put("name", "Seen in the wild");
        indicator.putArray("indicator_types").add("malicious-activity");
        indicator.put("pattern", pattern);
        indicator.put("pattern_type", "stix");
        indicator.put("pattern_version", "2.1");
        indicator.put("valid_from", "2025-03-01T10:00:00Z");
        return indicator;
    }
}
