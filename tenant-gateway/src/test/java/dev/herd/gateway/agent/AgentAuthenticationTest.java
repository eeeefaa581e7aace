package dev.herd.gateway.agent;

import static dev.herd.gateway.GatewayFixtures.acmeGateway;
import static dev.herd.gateway.GatewayFixtures.asAgent;
import static dev.herd.gateway.GatewayFixtures.enrol;
import static dev.herd.gateway.GatewayFixtures.globexGateway;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herd.gateway.GatewayFixtures;
import dev.herd.gateway.GatewayFixtures.EnrolledAgent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Agents authenticate with their own credential, fresh per request; heartbeats drive the overdue listing. */
@QuarkusTest
class AgentAuthenticationTest {

    @Inject
    GatewayFixtures fixtures;

    private EnrolledAgent agent;

    @BeforeEach
    void enrolOne() {
        fixtures.reset();
        agent = enrol(acmeGateway(), "web-01");
    }

    @Test
    void aHeartbeatIsRecordedAndShown() {
        asAgent(agent)
                .post("/agent/heartbeat")
                .then()
                .statusCode(200)
                .body("agentId", equalTo(agent.id().toString()))
                .body("lastReportSequence", equalTo(0));
        given().auth()
                .oauth2(acmeGateway())
                .get("/api/agents/" + agent.id())
                .then()
                .statusCode(200)
                .body("lastHeartbeatAt", notNullValue())
                .body("lastReportSequence", equalTo(0));
    }

    @Test
    void agentsSilentLongerThanTheThresholdAreOverdue() {
        EnrolledAgent silent = enrol(acmeGateway(), "db-01");
        EnrolledAgent globexSilent = enrol(globexGateway(), "mail-01");
        asAgent(agent).post("/agent/heartbeat").then().statusCode(200);
        fixtures.execute("UPDATE agent SET last_heartbeat_at = now() - interval '10 minutes' WHERE id IN ('"
                + silent.id() + "', '" + globexSilent.id() + "')");
        given().auth()
                .oauth2(acmeGateway())
                .get("/api/agents?overdue=true")
                .then()
                .statusCode(200)
                .body("hostname", contains("db-01"));
        given().auth()
                .oauth2(globexGateway())
                .get("/api/agents?overdue=true")
                .then()
                .statusCode(200)
                .body("hostname", contains("mail-01"));
        given().auth()
                .oauth2(acmeGateway())
                .get("/api/agents")
                .then()
                .statusCode(200)
                .body("hostname", contains("db-01", "web-01"));
        asAgent(silent).post("/agent/heartbeat").then().statusCode(200);
        given().auth()
                .oauth2(acmeGateway())
                .get("/api/agents?overdue=true")
                .then()
                .statusCode(200)
                .body("$", empty());
    }

    @Test
    void aForgedSecretIsRefused() {
        asAgent(agent.id() + ":" + "forged-secret", UUID.randomUUID().toString())
                .post("/agent/heartbeat")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("credential-invalid"));
        asAgent(UUID.randomUUID() + ":" + secret(), UUID.randomUUID().toString())
                .post("/agent/heartbeat")
                .then()
                .statusCode(401)
                .body("code", equalTo("credential-invalid"));
        assertEquals(0, fixtures.count("agent WHERE last_heartbeat_at IS NOT NULL"));
    }

    @Test
    void aReplayedNonceIsRefused() {
        String nonce = UUID.randomUUID().toString();
        asAgent(agent.credential(), nonce).post("/agent/heartbeat").then().statusCode(200);
        asAgent(agent.credential(), nonce)
                .post("/agent/heartbeat")
                .then()
                .statusCode(401)
                .body("code", equalTo("credential-replayed"));
    }

    @Test
    void aStaleTimestampIsRefused() {
        given().header("Authorization", "Agent " + agent.credential())
                .header("X-Herd-Timestamp", Instant.now().minusSeconds(600).toString())
                .header("X-Herd-Nonce", UUID.randomUUID().toString())
                .post("/agent/heartbeat")
                .then()
                .statusCode(401)
                .body("code", equalTo("request-stale"));
    }

    @Test
    void basicAuthCarriesTheSameCredential() {
        String basic = Base64.getEncoder().encodeToString(agent.credential().getBytes(StandardCharsets.UTF_8));
        given().header("Authorization", "Basic " + basic)
                .header("X-Herd-Timestamp", Long.toString(Instant.now().getEpochSecond()))
                .header("X-Herd-Nonce", UUID.randomUUID().toString())
                .post("/agent/heartbeat")
                .then()
                .statusCode(200);
    }

    @Test
    void keycloakTokensDoNotOpenAgentEndpoints() {
        given().auth()
                .oauth2(globexGateway())
                .header("X-Herd-Timestamp", Long.toString(Instant.now().getEpochSecond()))
                .header("X-Herd-Nonce", UUID.randomUUID().toString())
                .post("/agent/heartbeat")
                .then()
                .statusCode(401)
                .body("code", equalTo("credential-invalid"));
        given().post("/agent/heartbeat").then().statusCode(401).body("code", equalTo("credential-missing"));
    }

    private String secret() {
        return agent.credential().substring(agent.credential().indexOf(':') + 1);
    }
}
