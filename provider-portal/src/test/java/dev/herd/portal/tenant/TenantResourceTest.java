package dev.herd.portal.tenant;

import static dev.herd.testing.KeycloakTokens.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tenants against the real Keycloak: tenant users are confined to their own tenant, MSSP staff see all. */
@QuarkusTest
class TenantResourceTest {

    @Inject
    TenantRepository tenants;

    @BeforeEach
    void twoTenants() {
        QuarkusTransaction.requiringNew().run(() -> {
            tenants.deleteAll();
            tenants.persist(tenant("acme", "ACME Corporation"));
            tenants.persist(tenant("globex", "Globex Inc."));
        });
    }

    @Test
    void tenantAdminReadsOwnTenant() {
        given().auth()
                .oauth2(user("acme-admin"))
                .get("/api/tenants/acme")
                .then()
                .statusCode(200)
                .body("id", equalTo("acme"))
                .body("displayName", equalTo("ACME Corporation"));
    }

    @Test
    void tenantAdminIsForbiddenOtherTenant() {
        given().auth()
                .oauth2(user("acme-admin"))
                .get("/api/tenants/globex")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("tenant-access-denied"));
    }

    @Test
    void noTokenIsUnauthorized() {
        given().get("/api/tenants/acme").then().statusCode(401);
    }

    @Test
    void tenantUsersListOnlyTheirOwnTenant() {
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants")
                .then()
                .statusCode(200)
                .body("id", contains("acme"));
        given().auth()
                .oauth2(user("globex-admin"))
                .get("/api/tenants")
                .then()
                .statusCode(200)
                .body("id", contains("globex"));
    }

    @Test
    void msspStaffListEveryTenant() {
        given().auth()
                .oauth2(user("herd-analyst"))
                .get("/api/tenants")
                .then()
                .statusCode(200)
                .body("id", contains("acme", "globex"));
        given().auth()
                .oauth2(user("herd-analyst"))
                .get("/api/tenants/globex")
                .then()
                .statusCode(200);
    }

    @Test
    void msspAdminRegistersTenant() {
        given().auth()
                .oauth2(user("herd-admin"))
                .contentType(ContentType.JSON)
                .body("{\"id\":\"initech\",\"displayName\":\"  Initech  \"}")
                .post("/api/tenants")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/tenants/initech"))
                .body("displayName", equalTo("Initech"));
        given().auth().oauth2(user("herd-admin")).get("/api/tenants").then().body("id", hasItem("initech"));
    }

    @Test
    void customerUsersCannotRegisterTenants() {
        given().auth()
                .oauth2(user("acme-admin"))
                .contentType(ContentType.JSON)
                .body("{\"id\":\"initech\",\"displayName\":\"Initech\"}")
                .post("/api/tenants")
                .then()
                .statusCode(403)
                .body("code", equalTo("forbidden"));
        assertTenantCount(2);
    }

    @Test
    void duplicateTenantIsConflict() {
        given().auth()
                .oauth2(user("herd-admin"))
                .contentType(ContentType.JSON)
                .body("{\"id\":\"acme\",\"displayName\":\"Another ACME\"}")
                .post("/api/tenants")
                .then()
                .statusCode(409)
                .body("code", equalTo("tenant-exists"));
        given().auth()
                .oauth2(user("herd-admin"))
                .get("/api/tenants/acme")
                .then()
                .body("displayName", equalTo("ACME Corporation"));
    }

    @Test
    void invalidTenantNamesEveryBrokenField() {
        given().auth()
                .oauth2(user("herd-admin"))
                .contentType(ContentType.JSON)
                .body("{\"id\":\"Not A Slug\",\"displayName\":\"\"}")
                .post("/api/tenants")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation-failed"))
                .body("errors.field", contains("displayName", "id"));
        assertTenantCount(2);
    }

    @Test
    void malformedJsonIsBadRequest() {
        given().auth()
                .oauth2(user("herd-admin"))
                .contentType(ContentType.JSON)
                .body("{\"id\":")
                .post("/api/tenants")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("malformed-json"));
        assertTenantCount(2);
    }

    @Test
    void missingBodyIsBadRequest() {
        given().auth()
                .oauth2(user("herd-admin"))
                .contentType(ContentType.JSON)
                .post("/api/tenants")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void unknownTenantIsNotFound() {
        given().auth()
                .oauth2(user("herd-admin"))
                .get("/api/tenants/nobody")
                .then()
                .statusCode(404)
                .body("code", equalTo("tenant-not-found"));
    }

    private void assertTenantCount(long expected) {
        given().auth().oauth2(user("herd-admin")).get("/api/tenants").then().body("size()", equalTo((int) expected));
    }

    private static Tenant tenant(String id, String name) {
        Tenant tenant = new Tenant();
        tenant.id = id;
        tenant.displayName = name;
        tenant.createdAt = Instant.now();
        return tenant;
    }
}
