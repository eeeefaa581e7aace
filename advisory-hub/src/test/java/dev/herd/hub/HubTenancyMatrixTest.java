package dev.herd.hub;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.herd.hub.stix.StixIds;
import dev.herd.hub.taxii.TaxiiService;
import dev.herd.testing.EmbeddedArtemisResource;
import dev.herd.testing.KeycloakTokens;
import dev.herd.testing.tenancy.Caller;
import dev.herd.testing.tenancy.Operation;
import dev.herd.testing.tenancy.TenancyMatrixSuite;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * The tenancy matrix against the hub's API. The requests name provider csaf-demo, which has an advisory, a rejection
 * and a damage-report subscription, so that the other provider's answers would show them if they leaked.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class HubTenancyMatrixTest extends TenancyMatrixSuite {

    private static final String ADVISORY = """
            {"schema_version":"1.3.1","id":"GO-2020-0001","modified":"2024-05-20T16:03:47Z",
             "published":"2021-04-14T20:04:52Z","aliases":["CVE-2020-36567"],
             "summary":"Arbitrary log line injection in github.com/gin-gonic/gin",
             "affected":[{"package":{"name":"github.com/gin-gonic/gin","ecosystem":"Go"},
               "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"1.6.0"}]}]}]}
            """;

    @Inject
    HubFixtures fixtures;

    @Override
    protected void prepare() {
        fixtures.resetWithProviders();
        String csaf = KeycloakTokens.client("provider-csaf-demo", "provider-csaf-demo-secret");
        given().auth()
                .oauth2(csaf)
                .contentType("application/json")
                .body(ADVISORY)
                .post("/api/advisories")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(csaf)
                .contentType("application/json")
                .body("{\"id\":\"OSV-BAD-1\",\"modified\":\"yesterday\"}")
                .post("/api/advisories")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(csaf)
                .contentType("application/json")
                .body("{\"url\":\"https://csaf-demo.example/damage\"}")
                .put("/api/providers/" + PROVIDER + "/damage-report-subscription")
                .then()
                .statusCode(200);
        assertEquals(1, fixtures.count("rejection WHERE provider_id = '" + PROVIDER + "'"), "csaf-demo's rejection");
        assertEquals(1, fixtures.count("provenance WHERE provider_id = '" + PROVIDER + "'"), "csaf-demo's advisory");
    }

    @Override
    protected String pathValue(Operation operation, String name, JsonNode schema) {
        if (operation.template().startsWith("/api/providers/{id}") && name.equals("id")) {
            return PROVIDER;
        }
        if (operation.template().startsWith("/api/advisories/{id}")) {
            return "CVE-2020-36567";
        }
        if (operation.template().startsWith("/taxii2/") && name.equals("id")) {
            return TaxiiService.COLLECTION_ID;
        }
        if (operation.template().startsWith("/taxii2/") && name.equals("objectId")) {
            return StixIds.HERD_IDENTITY;
        }
        return super.pathValue(operation, name, schema);
    }

    /**
     * A canonical advisory names the providers that said what (its provenance, DESIGN §3.1), and every provider may
     * read advisories: the home provider's name in them is no leak.
     */
    @Override
    protected Set<String> homeMarkers(Operation operation, Caller caller) {
        if (operation.method().equals("GET") && operation.template().startsWith("/api/advisories")) {
            return Set.of("\"" + TENANT + "\"");
        }
        return super.homeMarkers(operation, caller);
    }

    @Override
    protected JsonNode body(Operation operation, JsonNode sample) {
        if (operation.key().equals("POST /api/advisories")) {
            return parse(ADVISORY);
        }
        if (operation.key().equals("PUT /api/providers/{id}/damage-report-subscription")) {
            return JsonNodeFactory.instance.objectNode().put("url", "https://csaf-demo.example/damage");
        }
        return super.body(operation, sample);
    }

    private static JsonNode parse(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
