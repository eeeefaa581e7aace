package dev.herd.hub.source;

import static dev.herd.hub.HubFixtures.OSV_PROVIDER;
import static dev.herd.testing.KeycloakTokens.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.herd.hub.HubFixtures;
import dev.herd.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pull source API: adding, showing and removing sources, every bad request and every caller not allowed. */
@QuarkusTest
class SourceResourceTest {

    @Inject
    HubFixtures fixtures;

    @BeforeEach
    void clean() {
        fixtures.resetWithProviders();
    }

    @Test
    void adminAddsShowsAndRemovesASource() {
        long id = ((Number) add("{\"providerId\":\"osv-demo\",\"kind\":\"OSV_FOLDER\",\"location\":\"/srv/osv\","
                                + "\"intervalMinutes\":15}")
                        .then()
                        .statusCode(201)
                        .header("Location", containsString("/api/sources/"))
                        .body("kind", equalTo("OSV_FOLDER"))
                        .body("intervalMinutes", equalTo(15))
                        .body("state", equalTo("idle"))
                        .body("lastStartedAt", nullValue())
                        .extract()
                        .path("id"))
                .longValue();
        add("{\"providerId\":\"osv-demo\",\"kind\":\"kev_file\",\"location\":\"https://www.cisa.gov/kev.json\"}")
                .then()
                .statusCode(201)
                .body("kind", equalTo("KEV_FILE"))
                .body("intervalMinutes", equalTo(60));
        asAdmin()
                .get("/api/sources")
                .then()
                .statusCode(200)
                .body("location", contains("/srv/osv", "https://www.cisa.gov/kev.json"));
        asAdmin().get("/api/sources/" + id).then().statusCode(200).body("providerId", equalTo(OSV_PROVIDER));

        asAdmin().delete("/api/sources/" + id).then().statusCode(204);
        asAdmin().get("/api/sources/" + id).then().statusCode(404).body("code", equalTo("source-not-found"));
        asAdmin().delete("/api/sources/" + id).then().statusCode(404).body("code", equalTo("source-not-found"));
        asAdmin().post("/api/sources/" + id + "/run").then().statusCode(404).body("code", equalTo("source-not-found"));
    }

    @Test
    void unknownKindIsABadRequestNamingTheKinds() {
        add("{\"providerId\":\"osv-demo\",\"kind\":\"RSS\",\"location\":\"/srv/osv\"}")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("source-kind-unknown"))
                .body("detail", containsString("CSAF_PROVIDER_METADATA"));
        assertNoSources();
    }

    @Test
    void missingFieldsAndIntervalZeroAreValidationErrors() {
        add("{\"providerId\":\"osv-demo\",\"kind\":\"OSV_FOLDER\"}")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("location"));
        add("{\"providerId\":\"osv-demo\",\"kind\":\"OSV_FOLDER\",\"location\":\"/srv/osv\",\"intervalMinutes\":0}")
                .then()
                .statusCode(400)
                .body("errors.field", contains("intervalMinutes"))
                .body("errors.code", contains("Min"));
        add("{\"location\":\"/srv/osv\"}").then().statusCode(400).body("errors", hasSize(2));
        add("{\"providerId\":\"osv-demo\",\"kind\":\"OSV_FOLDER\",\"location\":\"/srv\",\"intervalMinutes\":\"often\"}")
                .then()
                .statusCode(400)
                .body("code", equalTo("malformed-json"));
        assertNoSources();
    }

    @Test
    void locationsThatAreNeitherHttpNorFileNorAbsolutePathsAreRefused() {
        for (String location : new String[] {"ftp://example.com/osv", "relative/folder", "https://", "file:relative"}) {
            add("{\"providerId\":\"osv-demo\",\"kind\":\"OSV_FOLDER\",\"location\":\"" + location + "\"}")
                    .then()
                    .statusCode(400)
                    .body("code", equalTo("source-location-invalid"));
        }
        assertNoSources();
    }

    @Test
    void unknownProviderIsNotFound() {
        add("{\"providerId\":\"nobody\",\"kind\":\"OSV_FOLDER\",\"location\":\"/srv/osv\"}")
                .then()
                .statusCode(404)
                .body("code", equalTo("provider-not-found"));
        assertNoSources();
    }

    @Test
    void onlyMsspAdminsManageSources() {
        for (String token : new String[] {
            user("herd-analyst"),
            user("acme-admin"),
            KeycloakTokens.client("provider-osv-demo", "provider-osv-demo-secret")
        }) {
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body("{\"providerId\":\"osv-demo\",\"kind\":\"OSV_FOLDER\",\"location\":\"/srv/osv\"}")
                    .post("/api/sources")
                    .then()
                    .statusCode(403);
            given().auth().oauth2(token).get("/api/sources").then().statusCode(403);
        }
        given().get("/api/sources").then().statusCode(401);
        assertNoSources();
    }

    @Test
    void aSourceGoesWithItsProvider() {
        add("{\"providerId\":\"osv-demo\",\"kind\":\"OSV_FOLDER\",\"location\":\"file:///srv/osv\"}")
                .then()
                .statusCode(201)
                .body("location", equalTo("file:///srv/osv"));
        fixtures.removeAllProviders();
        assertNoSources();
    }

    private static Response add(String body) {
        return asAdmin().contentType(ContentType.JSON).body(body).post("/api/sources");
    }

    private static io.restassured.specification.RequestSpecification asAdmin() {
        return given().auth().oauth2(user("herd-admin"));
    }

    private static void assertNoSources() {
        asAdmin().get("/api/sources").then().statusCode(200).body("$", hasSize(0));
    }
}
