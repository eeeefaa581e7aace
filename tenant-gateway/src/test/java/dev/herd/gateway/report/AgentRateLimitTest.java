package dev.herd.gateway.report;

import static dev.herd.gateway.GatewayFixtures.acmeGateway;
import static dev.herd.gateway.GatewayFixtures.asAgent;
import static dev.herd.gateway.GatewayFixtures.enrol;
import static dev.herd.gateway.GatewayFixtures.issueToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herd.gateway.GatewayFixtures;
import dev.herd.gateway.GatewayFixtures.EnrolledAgent;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Request budgets at the agent API: reports and flows count per agent, enrolment per client address; past the budget
 * a 429 problem with {@code Retry-After}, and nothing of the refused request is stored.
 */
@QuarkusTest
@TestProfile(AgentRateLimitTest.SmallBudgets.class)
class AgentRateLimitTest {

    /** Two reports and two flow batches per agent an hour, three enrolments per address an hour. */
    public static class SmallBudgets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "herd.rate-limit.agent-reports.requests", "2",
                    "herd.rate-limit.agent-reports.per", "PT1H",
                    "herd.rate-limit.agent-flows.requests", "2",
                    "herd.rate-limit.agent-flows.per", "PT1H",
                    "herd.rate-limit.enrolment.requests", "3",
                    "herd.rate-limit.enrolment.per", "PT1H");
        }
    }

    private static final String FLOW = "[{\"time\":\"2026-01-31T12:00:00Z\",\"source\":\"192.0.2.10\","
            + "\"destination\":\"198.51.100.7\",\"protocol\":\"tcp\",\"port\":443,\"bytes\":1500}]";

    @Inject
    GatewayFixtures fixtures;

    @BeforeEach
    void clean() {
        fixtures.reset();
    }

    // One test: the buckets belong to the running gateway, not to a test method.
    @Test
    void callersPastTheirBudgetGet429WithRetryAfterAndNothingStored() {
        EnrolledAgent web = enrol(acmeGateway(), "web-01");
        EnrolledAgent db = enrol(acmeGateway(), "db-01");

        report(web, 1).then().statusCode(200);
        report(web, 2).then().statusCode(200);
        Response refused = report(web, 3);
        refused.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("code", equalTo("rate-limited"))
                .body("detail", containsString("agent-reports"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        // Two an hour come back one every 30 minutes.
        assertTrue(retryAfter > 1700 && retryAfter <= 1800, "Retry-After " + retryAfter);
        assertEquals(2, fixtures.count("machine_report WHERE agent_id = '" + web.id() + "'"));
        // Another agent has a budget of its own.
        report(db, 1).then().statusCode(200);

        flows(web).then().statusCode(202);
        flows(web).then().statusCode(202);
        flows(web).then().statusCode(429).body("code", equalTo("rate-limited"));
        assertEquals(2, fixtures.count("monitor_record WHERE agent_id = '" + web.id() + "'"));
        flows(db).then().statusCode(202);

        // Two enrolments spent above; a guessed token spends one too, and the next valid one is refused.
        enrolWith("not-a-token").then().statusCode(401);
        String token = issueToken(acmeGateway());
        enrolWith(token).then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
        assertEquals(2, fixtures.count("agent"));
    }

    private static Response report(EnrolledAgent agent, long sequence) {
        return asAgent(agent)
                .contentType("application/json")
                .body(Reports.full(sequence))
                .post("/agent/reports");
    }

    private static Response flows(EnrolledAgent agent) {
        return asAgent(agent).contentType("application/json").body(FLOW).post("/agent/flows");
    }

    private static Response enrolWith(String token) {
        return given().contentType("application/json")
                .body("{\"token\":\"" + token + "\",\"hostname\":\"guess-01\",\"machineId\":\"mid-guess-01\"}")
                .post("/agent/enrol");
    }
}
