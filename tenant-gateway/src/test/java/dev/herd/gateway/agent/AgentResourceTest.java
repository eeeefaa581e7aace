package dev.herd.gateway.agent;

import static dev.herd.testing.KeycloakTokens.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.herd.testing.KeycloakTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Agents are tenant data: a gateway or customer user of one tenant never sees another tenant's agents. */
@QuarkusTest
class AgentResourceTest {

    private static final UUID ACME_AGENT = UUID.fromString("00000000-0000-0000-0000-00000000a001");
    private static final UUID GLOBEX_AGENT = UUID.fromString("00000000-0000-0000-0000-00000000b001");

    @Inject
    AgentRepository agents;

    @BeforeEach
    void oneAgentPerTenant() {
        QuarkusTransaction.requiringNew().run(() -> {
            agents.deleteAll();
            agents.persist(agent(ACME_AGENT, "acme", "web-01"));
            agents.persist(agent(GLOBEX_AGENT, "globex", "db-01"));
        });
    }

    @Test
    void gatewaySeesOnlyItsTenantsAgents() {
        given().auth()
                .oauth2(KeycloakTokens.client("gateway-acme", "gateway-acme-secret"))
                .get("/api/agents")
                .then()
                .statusCode(200)
                .body("hostname", contains("web-01"));
    }

    @Test
    void customerUserSeesOnlyOwnTenantsAgents() {
        given().auth()
                .oauth2(user("globex-admin"))
                .get("/api/agents")
                .then()
                .statusCode(200)
                .body("hostname", contains("db-01"));
    }

    @Test
    void otherTenantsAgentIsNotFoundNotForbidden() {
        given().auth()
                .oauth2(user("acme-admin"))
                .get("/api/agents/" + GLOBEX_AGENT)
                .then()
                .statusCode(404)
                .body("code", equalTo("agent-not-found"));
        given().auth()
                .oauth2(user("acme-admin"))
                .get("/api/agents/" + ACME_AGENT)
                .then()
                .statusCode(200)
                .body("tenantId", equalTo("acme"));
    }

    @Test
    void msspStaffSeeEveryTenantsAgents() {
        given().auth()
                .oauth2(user("herd-analyst"))
                .get("/api/agents")
                .then()
                .statusCode(200)
                .body("tenantId", contains("acme", "globex"));
    }

    @Test
    void providersCannotListAgents() {
        given().auth()
                .oauth2(KeycloakTokens.client("provider-osv-demo", "provider-osv-demo-secret"))
                .get("/api/agents")
                .then()
                .statusCode(403);
    }

    @Test
    void malformedAgentIdIsAProblem() {
        given().auth()
                .oauth2(user("acme-admin"))
                .get("/api/agents/not-a-uuid")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    private static Agent agent(UUID id, String tenant, String hostname) {
        Agent agent = new Agent();
        agent.id = id;
        agent.tenantId = tenant;
        agent.hostname = hostname;
        agent.enrolledAt = Instant.now();
        return agent;
    }
}
