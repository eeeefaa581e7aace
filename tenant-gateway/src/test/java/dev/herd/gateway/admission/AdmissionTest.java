package dev.herd.gateway.admission;

import static dev.herd.gateway.GatewayFixtures.acmeGateway;
import static dev.herd.gateway.GatewayFixtures.globexGateway;
import static dev.herd.testing.KeycloakTokens.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herd.gateway.GatewayFixtures;
import dev.herd.gateway.isolation.IsolatingDevice;
import dev.herd.gateway.isolation.Machine;
import dev.herd.gateway.isolation.RecordingDevice;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Admission: new machines quarantined (or held without an address) through the driver, released once, per tenant. */
@QuarkusTest
class AdmissionTest {

    private static final String WEB = "{\"mac\":\"52:54:00:12:34:56\",\"ip\":\"10.20.0.5\",\"hostname\":\"web-07\"}";

    @Inject
    GatewayFixtures fixtures;

    @Inject
    IsolatingDevice device;

    RecordingDevice recorded;

    @BeforeEach
    void clean() {
        fixtures.execute("DELETE FROM admission");
        recorded = (RecordingDevice) device;
        recorded.clear();
    }

    @Test
    void aMachineWithAnAddressIsQuarantinedThroughTheDriver() {
        String id = admit(acmeGateway(), WEB)
                .statusCode(201)
                .body("tenantId", equalTo("acme"))
                .body("status", equalTo("QUARANTINED"))
                .body("ip", equalTo("10.20.0.5"))
                .body("segment", equalTo("quarantine"))
                .extract()
                .path("id");
        assertEquals(
                List.of(new RecordingDevice.Call(
                        "QUARANTINE", Machine.of("52:54:00:12:34:56", "10.20.0.5"), "quarantine")),
                recorded.calls());
        given().auth()
                .oauth2(user("acme-admin"))
                .get("/api/admissions")
                .then()
                .statusCode(200)
                .body("id", contains(id))
                .body("hostname", contains("web-07"));
    }

    @Test
    void aMachineWithoutAnAddressIsHeld() {
        admit(acmeGateway(), "{\"mac\":\"02-00-00-00-00-01\",\"hostname\":\"sensor-1\"}")
                .statusCode(201)
                .body("status", equalTo("HELD"))
                .body("mac", equalTo("02:00:00:00:00:01"))
                .body("ip", nullValue());
        RecordingDevice.Call call = recorded.calls().getFirst();
        assertEquals(Optional.empty(), call.machine().address());
        assertEquals(Optional.of("02:00:00:00:00:01"), call.machine().mac());
    }

    @Test
    void releaseLetsTheMachineBackOnceOnly() {
        String id = admit(acmeGateway(), WEB).statusCode(201).extract().path("id");
        release(user("acme-admin"), id)
                .statusCode(200)
                .body("status", equalTo("RELEASED"))
                .body("releasedAt", notNullValue());
        assertEquals("RELEASE", recorded.calls().get(1).action());
        assertEquals(
                Machine.of("52:54:00:12:34:56", "10.20.0.5"),
                recorded.calls().get(1).machine());
        release(acmeGateway(), id).statusCode(409).body("code", equalTo("admission-released"));
        assertEquals(2, recorded.calls().size());
        admit(acmeGateway(), WEB).statusCode(201);
    }

    @Test
    void anMsspAdminAdmitsForTheTenantItNamesAndReleases() {
        String id = admit(user("herd-admin"), WEB.replace("{", "{\"tenantId\":\"globex\","))
                .statusCode(201)
                .body("tenantId", equalTo("globex"))
                .extract()
                .path("id");
        admit(user("herd-admin"), WEB).statusCode(400).body("code", equalTo("tenant-required"));
        release(user("herd-admin"), id).statusCode(200).body("status", equalTo("RELEASED"));
    }

    @Test
    void anotherTenantsAdmissionIsNotFound() {
        String acme = admit(acmeGateway(), WEB).statusCode(201).extract().path("id");
        String globex = admit(globexGateway(), WEB).statusCode(201).extract().path("id");
        release(globexGateway(), acme).statusCode(404).body("code", equalTo("admission-not-found"));
        release(user("globex-admin"), acme).statusCode(404);
        given().auth()
                .oauth2(globexGateway())
                .get("/api/admissions/" + acme)
                .then()
                .statusCode(404);
        given().auth().oauth2(globexGateway()).get("/api/admissions").then().body("id", contains(globex));
        given().auth()
                .oauth2(user("herd-admin"))
                .get("/api/admissions")
                .then()
                .body("id", containsInAnyOrder(acme, globex));
        admit(globexGateway(), WEB.replace("{", "{\"tenantId\":\"acme\","))
                .statusCode(403)
                .body("code", equalTo("tenant-access-denied"));
        assertEquals(2, fixtures.count("admission WHERE status = 'QUARANTINED'"));
    }

    @Test
    void badInputIsABadRequestAndIsolatesNothing() {
        admit(acmeGateway(), "{\"mac\":\"52:54:00:12:34\",\"ip\":\"10.0.0.300\",\"hostname\":\"a b\"}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("admission-invalid"))
                .body("errors.field", hasItems("mac", "ip", "hostname"));
        admit(acmeGateway(), "{\"ip\":\"10.0.0.3\"}")
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("mac", "hostname"));
        admit(acmeGateway(), "{\"mac\":\"52:54:00:12:34:56\",\"ip\":\"10.0.0.5; flush ruleset\",\"hostname\":\"x\"}")
                .statusCode(400)
                .body("errors.code", contains("ip-invalid"));
        assertEquals(0, fixtures.count("admission"));
        assertEquals(List.of(), recorded.calls());
    }

    @Test
    void onlyGatewaysAndMsspAdminsAdmitAndAnOpenMachineIsAConflict() {
        admit(user("acme-admin"), WEB).statusCode(403);
        admit(acmeGateway(), WEB).statusCode(201);
        admit(acmeGateway(), WEB).statusCode(409).body("code", equalTo("admission-open"));
        given().contentType("application/json")
                .body(WEB)
                .post("/api/admissions")
                .then()
                .statusCode(401);
        assertEquals(1, fixtures.count("admission"));
    }

    private static ValidatableResponse admit(String bearer, String body) {
        return given().auth()
                .oauth2(bearer)
                .contentType("application/json")
                .body(body)
                .post("/api/admissions")
                .then();
    }

    private static ValidatableResponse release(String bearer, String id) {
        return given().auth()
                .oauth2(bearer)
                .post("/api/admissions/" + id + "/release")
                .then();
    }
}
