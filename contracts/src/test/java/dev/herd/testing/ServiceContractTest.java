package dev.herd.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.testing.openapi.OpenApiDocument;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every Herd service promises at its edge: readiness that checks database, broker and subscriptions, an OpenAPI
 * document that is valid and explains every operation (docs/openapi.md), metrics, bearer-token protection of the API
 * and RFC 9457 problems for bad requests. Each service runs it with
 * {@code class XServiceTest extends ServiceContractTest}.
 */
public abstract class ServiceContractTest {

    /** A GET path of this service's API that any MSSP admin may read. */
    protected abstract String protectedPath();

    @Test
    void readinessChecksTheDatabaseTheBrokerAndTheSubscriptions() throws InterruptedException {
        // The subscriptions start consuming right after startup, on threads of their own: wait for them, bounded.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (given().get("/q/health/ready").statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body(
                        "checks.name",
                        hasItems("Database connections health check", "Artemis JMS health check", "subscriptions"));
    }

    @Test
    void servesOpenApiAndPrometheusMetrics() {
        given().get("/q/openapi?format=json").then().statusCode(200).body("paths", not(equalTo(null)));
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    /** Swagger UI logs in through Keycloak with the authorization code and PKCE, as the public client herd-swagger. */
    @Test
    void swaggerUiLogsInThroughKeycloakWithPkce() {
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("components.securitySchemes.keycloak.type", equalTo("openIdConnect"))
                .body(
                        "components.securitySchemes.keycloak.openIdConnectUrl",
                        equalTo(KeycloakTokens.realmUrl() + "/.well-known/openid-configuration"));
        given().get("/q/swagger-ui/index.html")
                .then()
                .statusCode(200)
                .body(containsString("herd-swagger"), containsString("usePkceWithAuthorizationCodeGrant: true"));

        String auth = KeycloakTokens.realmUrl() + "/protocol/openid-connect/auth";
        String redirect = "http://localhost:8083/q/swagger-ui/oauth2-redirect.html";
        // with a code challenge the realm shows its login form ...
        given().redirects()
                .follow(false)
                .queryParam("client_id", "herd-swagger")
                .queryParam("redirect_uri", redirect)
                .queryParam("response_type", "code")
                .queryParam("scope", "openid")
                .queryParam("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
                .queryParam("code_challenge_method", "S256")
                .get(auth)
                .then()
                .statusCode(200)
                .body(containsString("kc-form-login"));
        // ... without one it refuses: PKCE is required, not offered
        given().redirects()
                .follow(false)
                .queryParam("client_id", "herd-swagger")
                .queryParam("redirect_uri", redirect)
                .queryParam("response_type", "code")
                .queryParam("scope", "openid")
                .get(auth)
                .then()
                .statusCode(302)
                .header("Location", containsString("error=invalid_request"));
    }

    /**
     * Operations meant to be called without any credential, as {@code METHOD /path}; every other operation must name
     * a security scheme. Keep it short: each entry is a door without a lock.
     */
    protected Set<String> publicOperations() {
        return Set.of();
    }

    /**
     * Whether this module's test classpath has json-schema-validator 2.x, which {@link OpenApiDocument} validates
     * with. The portal's has 1.5.9 (cyclonedx-core-java needs it) and validates with that API itself.
     */
    protected boolean hasSchemaValidator2() {
        return true;
    }

    @Test
    void openApiIsAValidOpenApi31Document() throws IOException {
        assumeTrue(hasSchemaValidator2(), "json-schema-validator 1.x on this module's classpath (docs/openapi.md)");
        JsonNode document = openApi();
        assertEquals("3.1.0", document.path("openapi").asText(), "the vendored schema is the one for OpenAPI 3.1");
        assertEquals(List.of(), OpenApiDocument.schemaViolations(document));
    }

    /**
     * Every operation has a summary, a tag, a success response whose body declares its schema, a 4xx problem response
     * and a security requirement (or is public).
     */
    @Test
    void openApiExplainsEveryOperation() throws IOException {
        JsonNode document = openApi();
        assertFalse(document.path("paths").isEmpty(), "the document has operations");
        assertEquals(List.of(), OpenApiDocument.unexplainedOperations(document, publicOperations()));
    }

    private static JsonNode openApi() throws IOException {
        String json = given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return new ObjectMapper().readTree(json);
    }

    @Test
    void apiWithoutTokenIsUnauthorized() {
        given().get(protectedPath()).then().statusCode(401);
    }

    @Test
    void apiWithForgedTokenIsUnauthorized() {
        String forged = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJtYWxsb3J5In0.c2lnbmF0dXJl";
        given().auth().oauth2(forged).get(protectedPath()).then().statusCode(401);
    }

    @Test
    void apiAnswersWithTheMsspAdminsToken() {
        given().auth()
                .oauth2(KeycloakTokens.user("herd-admin"))
                .get(protectedPath())
                .then()
                .statusCode(200);
    }

    @Test
    void unknownPathIsAProblemNotAStackTrace() {
        given().auth()
                .oauth2(KeycloakTokens.user("herd-admin"))
                .get("/api/no-such-thing")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("instance", equalTo("/api/no-such-thing"))
                .body(not(containsString("Exception")));
    }
}
