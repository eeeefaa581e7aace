package dev.herd.hub.provider;

import static dev.herd.testing.KeycloakTokens.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.herd.hub.HubFixtures;
import dev.herd.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Advisory providers: registered by MSSP admins, read by MSSP staff, closed to everyone else. */
@QuarkusTest
class ProviderResourceTest {

    @Inject
    HubFixtures fixtures;

    @BeforeEach
    void noProviders() {
        fixtures.removeAllProviders();
    }

    @Test
    void msspAdminRegistersAndAnalystReads() {
        register("{\"id\":\"csaf-demo\",\"displayName\":\"Demo CSAF\",\"trustTier\":4}")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/providers/csaf-demo"))
                .body("trustTier", equalTo(4));
        register("{\"id\":\"osv-demo\",\"trustTier\":2}")
                .then()
                .statusCode(201)
                .body("displayName", equalTo("osv-demo"));

        given().auth()
                .oauth2(user("herd-analyst"))
                .get("/api/providers")
                .then()
                .statusCode(200)
                .body("id", contains("csaf-demo", "osv-demo"));
        given().auth()
                .oauth2(user("herd-analyst"))
                .get("/api/providers/csaf-demo")
                .then()
                .statusCode(200)
                .body("displayName", equalTo("Demo CSAF"));
    }

    @Test
    void analystCannotRegister() {
        given().auth()
                .oauth2(user("herd-analyst"))
                .contentType(ContentType.JSON)
                .body("{\"id\":\"csaf-demo\",\"trustTier\":4}")
                .post("/api/providers")
                .then()
                .statusCode(403);
        assertNoProviders();
    }

    @Test
    void customersProvidersAndGatewaysCannotReadProviders() {
        given().auth().oauth2(user("acme-admin")).get("/api/providers").then().statusCode(403);
        given().auth()
                .oauth2(KeycloakTokens.client("provider-csaf-demo", "provider-csaf-demo-secret"))
                .get("/api/providers")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(KeycloakTokens.client("gateway-acme", "gateway-acme-secret"))
                .get("/api/providers")
                .then()
                .statusCode(403);
    }

    @Test
    void trustTierOutsideOneToFiveIsRejected() {
        register("{\"id\":\"csaf-demo\",\"trustTier\":9}")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("trustTier"))
                .body("errors.code", contains("Max"));
        register("{\"id\":\"csaf-demo\"}").then().statusCode(400).body("errors.field", contains("trustTier"));
        assertNoProviders();
    }

    @Test
    void wrongTypeAndMalformedJsonAreBadRequests() {
        register("{\"id\":\"csaf-demo\",\"trustTier\":\"high\"}")
                .then()
                .statusCode(400)
                .body("code", equalTo("malformed-json"))
                .body("detail", equalTo("Value of the wrong type at 'trustTier'."));
        register("[1,2").then().statusCode(400).body("code", equalTo("malformed-json"));
        assertNoProviders();
    }

    @Test
    void duplicateProviderIsConflict() {
        register("{\"id\":\"csaf-demo\",\"trustTier\":4}").then().statusCode(201);
        register("{\"id\":\"csaf-demo\",\"trustTier\":1}")
                .then()
                .statusCode(409)
                .body("code", equalTo("provider-exists"));
        given().auth()
                .oauth2(user("herd-admin"))
                .get("/api/providers/csaf-demo")
                .then()
                .body("trustTier", equalTo(4));
    }

    @Test
    void unknownProviderIsNotFound() {
        given().auth()
                .oauth2(user("herd-admin"))
                .get("/api/providers/nobody")
                .then()
                .statusCode(404)
                .body("code", equalTo("provider-not-found"));
    }

    private static io.restassured.response.Response register(String body) {
        return given().auth()
                .oauth2(user("herd-admin"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/providers");
    }

    private static void assertNoProviders() {
        given().auth().oauth2(user("herd-admin")).get("/api/providers").then().body("$", hasSize(0));
    }
}
