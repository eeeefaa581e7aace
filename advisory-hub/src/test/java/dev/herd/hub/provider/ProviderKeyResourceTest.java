package dev.herd.hub.provider;

import static dev.herd.hub.HubFixtures.CSAF_PROVIDER;
import static dev.herd.hub.HubFixtures.OSV_PROVIDER;
import static dev.herd.testing.KeycloakTokens.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.herd.hub.HubFixtures;
import dev.herd.hub.verification.OpenPgpTestKey;
import dev.herd.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Provider keys: MSSP admins register and remove them, analysts read them, nobody else touches them. */
@QuarkusTest
class ProviderKeyResourceTest {

    private static final OpenPgpTestKey KEY = OpenPgpTestKey.ed25519("Demo CSAF <psirt@csaf-demo.example>");

    @Inject
    HubFixtures fixtures;

    @BeforeEach
    void clean() {
        fixtures.resetWithProviders();
    }

    @Test
    void adminAddsAKeyAnalystListsItAdminDeletesIt() {
        add(CSAF_PROVIDER, KEY.armoredPublicKey(), "application/pgp-keys")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/providers/csaf-demo/keys/" + KEY.fingerprint()))
                .body("fingerprint", contains(KEY.fingerprint()))
                .body("[0].userIds", contains("Demo CSAF <psirt@csaf-demo.example>"))
                .body("[0].expiresAt", nullValue())
                .body("[0].createdAt", notNullValue());
        given().auth()
                .oauth2(user("herd-analyst"))
                .get("/api/providers/csaf-demo/keys")
                .then()
                .statusCode(200)
                .body("fingerprint", contains(KEY.fingerprint()));
        given().auth()
                .oauth2(user("herd-analyst"))
                .get("/api/providers/csaf-demo/keys/" + KEY.fingerprint().toLowerCase())
                .then()
                .statusCode(200)
                .body("providerId", equalTo(CSAF_PROVIDER));
        given().auth()
                .oauth2(user("herd-analyst"))
                .get("/api/providers/osv-demo/keys")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));

        given().auth()
                .oauth2(user("herd-admin"))
                .delete("/api/providers/csaf-demo/keys/" + KEY.fingerprint())
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(user("herd-admin"))
                .delete("/api/providers/csaf-demo/keys/" + KEY.fingerprint())
                .then()
                .statusCode(404)
                .body("code", equalTo("key-not-found"));
        given().auth()
                .oauth2(user("herd-admin"))
                .get("/api/providers/csaf-demo/keys")
                .then()
                .body("$", hasSize(0));
    }

    @Test
    void theSameKeyTwiceIsConflictButAnotherProviderMayHaveIt() {
        add(CSAF_PROVIDER, KEY.armoredPublicKey(), "text/plain").then().statusCode(201);
        add(CSAF_PROVIDER, KEY.armoredPublicKey(), "text/plain")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("key-exists"));
        add(OSV_PROVIDER, KEY.armoredPublicKey(), "text/plain").then().statusCode(201);
    }

    @Test
    void badKeysAreBadRequestsWithTheParsersCode() {
        add(CSAF_PROVIDER, "", "text/plain").then().statusCode(400).body("code", equalTo("key-empty"));
        add(
                        CSAF_PROVIDER,
                        "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nbm90IGEga2V5\n-----END PGP PUBLIC KEY BLOCK-----\n",
                        "text/plain")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("key-malformed"));
        add(CSAF_PROVIDER, KEY.armoredSecretKey(), "application/pgp-keys")
                .then()
                .statusCode(400)
                .body("code", equalTo("key-is-secret"));
        add(CSAF_PROVIDER, KEY.revoked().armoredPublicKey(), "text/plain")
                .then()
                .statusCode(400)
                .body("code", equalTo("key-revoked"));
        assertNoKeys();
    }

    @Test
    void unknownProviderIsNotFound() {
        add("nobody", KEY.armoredPublicKey(), "text/plain")
                .then()
                .statusCode(404)
                .body("code", equalTo("provider-not-found"));
        given().auth()
                .oauth2(user("herd-admin"))
                .get("/api/providers/nobody/keys")
                .then()
                .statusCode(404)
                .body("code", equalTo("provider-not-found"));
        given().auth()
                .oauth2(user("herd-admin"))
                .delete("/api/providers/nobody/keys/" + KEY.fingerprint())
                .then()
                .statusCode(404)
                .body("code", equalTo("provider-not-found"));
    }

    @Test
    void analystsTenantAdminsAndProvidersCannotAddOrDelete() {
        for (String token : new String[] {
            user("herd-analyst"),
            user("acme-admin"),
            KeycloakTokens.client("provider-csaf-demo", "provider-csaf-demo-secret")
        }) {
            given().auth()
                    .oauth2(token)
                    .contentType("text/plain")
                    .body(KEY.armoredPublicKey().getBytes(StandardCharsets.UTF_8))
                    .post("/api/providers/csaf-demo/keys")
                    .then()
                    .statusCode(403);
        }
        assertNoKeys();
        add(CSAF_PROVIDER, KEY.armoredPublicKey(), "text/plain").then().statusCode(201);
        given().auth()
                .oauth2(user("herd-analyst"))
                .delete("/api/providers/csaf-demo/keys/" + KEY.fingerprint())
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(user("acme-admin"))
                .get("/api/providers/csaf-demo/keys")
                .then()
                .statusCode(403);
    }

    @Test
    void aJsonBodyIsUnsupported() {
        add(CSAF_PROVIDER, "{\"key\":\"x\"}", "application/json").then().statusCode(415);
        assertNoKeys();
    }

    private static Response add(String provider, String body, String contentType) {
        return given().auth()
                .oauth2(user("herd-admin"))
                .contentType(contentType)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/providers/" + provider + "/keys");
    }

    private static void assertNoKeys() {
        given().auth()
                .oauth2(user("herd-admin"))
                .get("/api/providers/csaf-demo/keys")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
    }
}
