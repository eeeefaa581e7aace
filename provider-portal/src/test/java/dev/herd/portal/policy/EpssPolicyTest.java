package dev.herd.portal.policy;

import static dev.herd.testing.KeycloakTokens.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herd.portal.advisory.KnownAdvisory;
import dev.herd.portal.diagnosis.ActionDecider;
import dev.herd.portal.support.PortalFixtures;
import dev.herd.testing.EmbeddedArtemisResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A tenant's policy may ask for a filter rule from an EPSS score on; the score is checked, and tenant-bound. */
@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class EpssPolicyTest {

    private static final String POLICY = """
            {"filtering": {"knownExploited": false, "minEmergencyLevel": 3, "minEpss": %s, "haltWhenNoRule": false},
             "patching": {"mode": "APPROVAL_REQUIRED"}}""";

    @Inject
    PortalFixtures fixtures;

    @BeforeEach
    void clean() {
        fixtures.reset();
    }

    @Test
    void anAdvisoryAtOrAboveTheEpssThresholdWantsAFilter() {
        TenantPolicy policy = new TenantPolicy(
                new TenantPolicy.Filtering(false, 3, null, false, 0.5),
                TenantPolicy.defaults().patching());
        assertTrue(ActionDecider.wantsFilter(advisory("0.5"), policy));
        assertTrue(ActionDecider.wantsFilter(advisory("0.97"), policy));
        assertFalse(ActionDecider.wantsFilter(advisory("0.49999"), policy));
        assertFalse(ActionDecider.wantsFilter(advisory(null), policy), "no score never asks for a rule");
        TenantPolicy without = new TenantPolicy(
                new TenantPolicy.Filtering(false, 3, null, false),
                TenantPolicy.defaults().patching());
        assertFalse(ActionDecider.wantsFilter(advisory("0.97"), without));
    }

    @Test
    void theTenantAdminSetsMinEpssAndReadsItBack() {
        given().auth()
                .oauth2(user("acme-admin"))
                .contentType(ContentType.JSON)
                .body(POLICY.formatted("0.3"))
                .put("/api/tenants/acme/policy")
                .then()
                .statusCode(200)
                .body("filtering.minEpss", equalTo(0.3f));
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/policy")
                .then()
                .statusCode(200)
                .body("filtering.minEpss", equalTo(0.3f));
    }

    @Test
    void aMinEpssOutsideZeroToOneIsAProblemAndChangesNothing() {
        for (String bad : List.of("1.5", "-0.01", "\"often\"")) {
            given().auth()
                    .oauth2(user("acme-admin"))
                    .contentType(ContentType.JSON)
                    .body(POLICY.formatted(bad))
                    .put("/api/tenants/acme/policy")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body(containsString("minEpss"));
        }
        given().auth()
                .oauth2(user("acme-admin"))
                .get("/api/tenants/acme/policy")
                .then()
                .statusCode(200)
                .body(not(containsString("\"minEpss\":1.5")));
    }

    @Test
    void anotherTenantsAdminNeitherReadsNorChangesThePolicy() {
        given().auth()
                .oauth2(user("acme-admin"))
                .contentType(ContentType.JSON)
                .body(POLICY.formatted("0.3"))
                .put("/api/tenants/acme/policy")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(user("globex-admin"))
                .contentType(ContentType.JSON)
                .body(POLICY.formatted("0.9"))
                .put("/api/tenants/acme/policy")
                .then()
                .statusCode(403)
                .body(not(containsString("minEpss")));
        given().auth()
                .oauth2(user("globex-admin"))
                .get("/api/tenants/acme/policy")
                .then()
                .statusCode(403)
                .body(not(containsString("minEpss")));
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/policy")
                .then()
                .statusCode(200)
                .body("filtering.minEpss", equalTo(0.3f));
    }

    private static KnownAdvisory advisory(String epss) {
        KnownAdvisory advisory = new KnownAdvisory();
        advisory.id = "CVE-2099-0001";
        advisory.emergencyLevel = 0;
        advisory.epss = epss == null ? null : new BigDecimal(epss);
        return advisory;
    }
}
