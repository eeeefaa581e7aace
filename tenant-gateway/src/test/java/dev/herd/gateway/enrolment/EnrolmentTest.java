package dev.herd.gateway.enrolment;

import static dev.herd.gateway.GatewayFixtures.acmeGateway;
import static dev.herd.gateway.GatewayFixtures.globexGateway;
import static dev.herd.gateway.GatewayFixtures.issueToken;
import static dev.herd.testing.KeycloakTokens.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herd.gateway.GatewayFixtures;
import dev.herd.gateway.agent.Agent;
import dev.herd.gateway.agent.AgentRepository;
import dev.herd.gateway.agent.Secrets;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One-time enrolment tokens: issued per tenant, shown once, consumed exactly once, nothing stored on refusal. */
@QuarkusTest
class EnrolmentTest {

    @Inject
    GatewayFixtures fixtures;

    @Inject
    AgentRepository agents;

    @BeforeEach
    void clean() {
        fixtures.reset();
    }

    @Test
    void aTokenEnrolsOneAgentOfItsTenant() {
        String token = issueToken(acmeGateway());
        assertTrue(token.length() >= 43, "at least 256 bits, Base64: " + token);
        Response enrolled = enrol(token, "web-01");
        enrolled.then().statusCode(201).body("tenantId", equalTo("acme"));
        UUID id = UUID.fromString(enrolled.path("agentId"));
        String credential = enrolled.path("credential");
        assertTrue(credential.startsWith(id + ":"));

        Agent agent = QuarkusTransaction.requiringNew().call(() -> agents.findById(id));
        assertEquals("acme", agent.tenantId);
        assertEquals("mid-web-01", agent.machineId);
        String secret = credential.substring(credential.indexOf(':') + 1);
        assertEquals(Secrets.hash(secret), agent.credentialHash);
        assertNotEquals(secret, agent.credentialHash);
        assertEquals(0, fixtures.count("enrolment_token WHERE token_hash = '" + token + "'"));

        given().auth()
                .oauth2(acmeGateway())
                .get("/api/enrolment-tokens")
                .then()
                .statusCode(200)
                .body("agentId", contains(id.toString()))
                .body("usedAt", contains(notNullValue()))
                .body("$", everyItem(not(hasKey("token"))));
    }

    @Test
    void aUsedTokenCannotEnrolAgain() {
        String token = issueToken(user("acme-admin"));
        enrol(token, "web-01").then().statusCode(201);
        enrol(token, "web-02").then().statusCode(403).body("code", equalTo("enrolment-token-used"));
        assertEquals(1, fixtures.count("agent"));
    }

    @Test
    void concurrentUsesOfOneTokenEnrolOnlyOnce() throws Exception {
        String token = issueToken(acmeGateway());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> tries = List.of(
                    () -> enrol(token, "a").statusCode(),
                    () -> enrol(token, "b").statusCode(),
                    () -> enrol(token, "c").statusCode(),
                    () -> enrol(token, "d").statusCode());
            List<Integer> statuses =
                    pool.invokeAll(tries).stream().map(EnrolmentTest::get).toList();
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "statuses " + statuses);
            assertEquals(3, statuses.stream().filter(s -> s == 403).count(), "statuses " + statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, fixtures.count("agent"));
    }

    @Test
    void anExpiredTokenIsRefusedAndStoresNothing() {
        String token = issueToken(acmeGateway());
        fixtures.execute("UPDATE enrolment_token SET expires_at = now() - interval '1 minute'");
        enrol(token, "web-01").then().statusCode(401).body("code", equalTo("enrolment-token-expired"));
        assertEquals(0, fixtures.count("agent"));
        assertEquals(0, fixtures.count("enrolment_token WHERE used_at IS NOT NULL"));
    }

    @Test
    void anUnknownTokenIsRefused() {
        enrol(Secrets.generate(), "web-01")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("enrolment-token-unknown"));
        assertEquals(0, fixtures.count("agent"));
    }

    @Test
    void missingFieldsAreABadRequest() {
        given().contentType("application/json")
                .body("{\"token\":\"x\"}")
                .post("/agent/enrol")
                .then()
                .statusCode(400)
                .body("errors.field", contains("hostname", "machineId"));
        assertEquals(0, fixtures.count("agent"));
    }

    @Test
    void tenantsSeeAndIssueOnlyTheirOwnTokens() {
        issueToken(acmeGateway());
        issueToken(globexGateway());
        given().auth()
                .oauth2(acmeGateway())
                .get("/api/enrolment-tokens")
                .then()
                .statusCode(200)
                .body("tenantId", contains("acme"));
        given().auth()
                .oauth2(user("acme-admin"))
                .contentType("application/json")
                .body("{\"tenantId\":\"globex\"}")
                .post("/api/enrolment-tokens")
                .then()
                .statusCode(403)
                .body("code", equalTo("tenant-access-denied"));
        given().auth()
                .oauth2(user("herd-admin"))
                .get("/api/enrolment-tokens")
                .then()
                .statusCode(200)
                .body("tenantId", contains("acme", "globex"));
    }

    @Test
    void msspAdminsNameTheTenant() {
        given().auth()
                .oauth2(user("herd-admin"))
                .contentType("application/json")
                .body("{}")
                .post("/api/enrolment-tokens")
                .then()
                .statusCode(400)
                .body("code", equalTo("tenant-required"));
        given().auth()
                .oauth2(user("herd-admin"))
                .contentType("application/json")
                .body("{\"tenantId\":\"globex\"}")
                .post("/api/enrolment-tokens")
                .then()
                .statusCode(201)
                .body("tenantId", equalTo("globex"));
    }

    @Test
    void viewersCannotIssueTokens() {
        given().auth()
                .oauth2(user("acme-viewer"))
                .contentType("application/json")
                .body("{}")
                .post("/api/enrolment-tokens")
                .then()
                .statusCode(403);
        assertEquals(0, fixtures.count("enrolment_token"));
    }

    private static Response enrol(String token, String hostname) {
        return given().contentType("application/json")
                .body("{\"token\":\"" + token + "\",\"hostname\":\"" + hostname + "\",\"machineId\":\"mid-" + hostname
                        + "\"}")
                .post("/agent/enrol");
    }

    private static Integer get(Future<Integer> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
