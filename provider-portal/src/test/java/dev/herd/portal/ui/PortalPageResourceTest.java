package dev.herd.portal.ui;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import dev.herd.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The browser side: /ui sends an anonymous visitor to the Keycloak login of the herd realm. */
@QuarkusTest
class PortalPageResourceTest {

    @Test
    void rootLeadsToThePortalPage() {
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", endsWith("/ui"));
    }

    @Test
    void anonymousVisitorIsSentToKeycloakLogin() {
        given().redirects()
                .follow(false)
                .get("/ui")
                .then()
                .statusCode(302)
                .header(
                        "Location",
                        allOf(
                                containsString(KeycloakTokens.realmUrl() + "/protocol/openid-connect/auth"),
                                containsString("client_id=herd-portal")));
    }
}
