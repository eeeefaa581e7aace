package dev.herd.gateway.delivery;

import static dev.herd.gateway.GatewayFixtures.acmeGateway;
import static dev.herd.gateway.GatewayFixtures.asAgent;
import static dev.herd.gateway.GatewayFixtures.globexGateway;
import static dev.herd.gateway.delivery.DeliveryFixtures.await;
import static dev.herd.testing.KeycloakTokens.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.delivery.ApplyOutcome;
import dev.herd.contracts.outbox.OutboxRelay;
import dev.herd.gateway.GatewayFixtures;
import dev.herd.gateway.GatewayFixtures.EnrolledAgent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.TextMessage;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Apply outcomes: identity from the agent, only for its own plans, stored and forwarded exactly once. */
@QuarkusTest
class ApplyOutcomeTest {

    @Inject
    GatewayFixtures fixtures;

    @Inject
    DeliveryFixtures delivery;

    @Inject
    ConnectionFactory connections;

    @Inject
    OutboxRelay relay;

    @Inject
    ObjectMapper json;

    private EnrolledAgent acme;
    private EnrolledAgent acmeOther;
    private EnrolledAgent globex;
    private UUID planId;

    @BeforeEach
    void enrolAndPlan() {
        fixtures.reset();
        acme = GatewayFixtures.enrol(acmeGateway(), "web-01");
        acmeOther = GatewayFixtures.enrol(acmeGateway(), "db-01");
        globex = GatewayFixtures.enrol(globexGateway(), "mail-01");
        planId = UUID.randomUUID();
        delivery.publishPlan(planId, "acme", acme.id(), "mid-web-01");
        await("the plan is stored", () -> fixtures.count("patch_plan") == 1);
    }

    @Test
    void anOutcomeIsForwardedExactlyOnceWithTheAgentsIdentity() throws Exception {
        UUID outcomeId = UUID.randomUUID();
        // The body claims another tenant, agent and machine: the gateway replaces them with the agent's own.
        String body = outcome(outcomeId, "PATCH_PLAN", planId.toString(), "APPLIED")
                .replace(
                        "\"kind\"",
                        "\"tenantId\": \"globex\", \"agentId\": \"" + globex.id()
                                + "\", \"machineId\": \"mid-mail-01\", \"kind\"");
        try (JMSContext context = connections.createContext(JMSContext.AUTO_ACKNOWLEDGE);
                JMSConsumer consumer = context.createConsumer(context.createTopic(ApplyOutcome.ADDRESS))) {
            post(acme, body).statusCode(200).body("status", equalTo("accepted"));
            post(acme, body).statusCode(200).body("status", equalTo("duplicate"));
            relay.sendBatch();

            TextMessage message = (TextMessage) consumer.receive(10_000);
            assertNotNull(message, "no message on " + ApplyOutcome.ADDRESS);
            ApplyOutcome forwarded = json.readValue(message.getText(), ApplyOutcome.class);
            assertEquals(outcomeId, forwarded.outcomeId());
            assertEquals("acme", forwarded.tenantId());
            assertEquals(acme.id(), forwarded.agentId());
            assertEquals("mid-web-01", forwarded.machineId());
            assertEquals(ApplyOutcome.Result.APPLIED, forwarded.result());
            assertEquals("openssl", forwarded.installed().getFirst().packageName());
            assertEquals(acme.id().toString(), message.getStringProperty("JMSXGroupID"));
            relay.sendBatch();
            assertNull(consumer.receive(1_500), "the outcome is forwarded once");
        }
        assertEquals(1, fixtures.count("apply_outcome"));
        assertEquals(1, fixtures.count("outbox_message"));
        asAgent(acme).get("/agent/patch-plans").then().statusCode(200).body("$", empty());
        given().auth()
                .oauth2(user("acme-admin"))
                .get("/api/agents/" + acme.id() + "/patch-plans")
                .then()
                .statusCode(200)
                .body("[0].state", equalTo("APPLIED"))
                .body("[0].outcomeId", equalTo(outcomeId.toString()));
    }

    @Test
    void aDryRunIsForwardedAndLeavesThePlanPending() {
        post(acme, outcome(UUID.randomUUID(), "PATCH_PLAN", planId.toString(), "SIMULATED"))
                .statusCode(200);
        assertEquals(1, fixtures.count("patch_plan WHERE state = 'PENDING' AND done_at IS NULL"));
        assertEquals(1, fixtures.count("outbox_message"));
        post(acme, outcome(UUID.randomUUID(), "PATCH_PLAN", planId.toString(), "APPLIED"))
                .statusCode(200);
        assertEquals(1, fixtures.count("patch_plan WHERE state = 'APPLIED'"));
    }

    @Test
    void aRolledBackPlanIsDoneAndASecondOutcomeForItIsAConflict() {
        post(acme, outcome(UUID.randomUUID(), "PATCH_PLAN", planId.toString(), "ROLLED_BACK"))
                .statusCode(200);
        assertEquals(1, fixtures.count("patch_plan WHERE state = 'ROLLED_BACK' AND done_at IS NOT NULL"));
        post(acme, outcome(UUID.randomUUID(), "PATCH_PLAN", planId.toString(), "APPLIED"))
                .statusCode(409)
                .body("code", equalTo("plan-done"));
        assertEquals(1, fixtures.count("apply_outcome"));
    }

    @Test
    void anUnknownOrAnotherAgentsPlanIsNotFound() {
        for (String reference : new String[] {UUID.randomUUID().toString(), "not-a-plan-id"}) {
            post(acme, outcome(UUID.randomUUID(), "PATCH_PLAN", reference, "APPLIED"))
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("code", equalTo("plan-unknown"));
        }
        // Another agent of the same tenant, and an agent of another tenant: both told exactly the same.
        for (EnrolledAgent other : new EnrolledAgent[] {acmeOther, globex}) {
            post(other, outcome(UUID.randomUUID(), "PATCH_PLAN", planId.toString(), "FAILED"))
                    .statusCode(404)
                    .body("code", equalTo("plan-unknown"))
                    .body("detail", equalTo("No patch plan " + planId + " for this agent."));
        }
        assertEquals(0, fixtures.count("apply_outcome"));
        assertEquals(0, fixtures.count("outbox_message"));
        assertEquals(1, fixtures.count("patch_plan WHERE state = 'PENDING'"));
    }

    @Test
    void aRuleBundleOutcomeNamesARevisionDeliveredToTheTenant() {
        post(acme, outcome(UUID.randomUUID(), "RULE_BUNDLE", "1", "APPLIED"))
                .statusCode(404)
                .body("code", equalTo("rule-bundle-unknown"));
        delivery.publishBundle("acme", 1, "rules");
        await("the bundle is stored", () -> fixtures.count("rule_bundle") == 1);
        post(acme, outcome(UUID.randomUUID(), "RULE_BUNDLE", "1", "APPLIED"))
                .statusCode(200)
                .body("status", equalTo("accepted"));
        post(globex, outcome(UUID.randomUUID(), "RULE_BUNDLE", "1", "APPLIED"))
                .statusCode(404)
                .body("code", equalTo("rule-bundle-unknown"));
        post(acme, outcome(UUID.randomUUID(), "RULE_BUNDLE", "latest", "APPLIED"))
                .statusCode(400)
                .body("code", equalTo("outcome-invalid"));
    }

    @Test
    void badInputIsAProblemAndStoresNothing() {
        post(acme, "{\"outcomeId\": \"" + UUID.randomUUID() + "\", \"kind\": ")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("malformed-json"));
        post(acme, "[]").statusCode(400).body("code", equalTo("malformed-json"));
        post(acme, outcome(UUID.randomUUID(), "PATCH_PLAN", planId.toString(), "MAYBE"))
                .statusCode(400)
                .body("code", equalTo("malformed-json"));
        post(acme, "{\"kind\": \"PATCH_PLAN\", \"reference\": \"" + planId + "\"}")
                .statusCode(400)
                .body("code", equalTo("outcome-invalid"))
                .body("errors.field", hasItem("result"))
                .body("errors.field", hasItem("outcomeId"));
        post(
                        acme,
                        outcome(UUID.randomUUID(), "PATCH_PLAN", planId.toString(), "APPLIED")
                                .replace("\"message\": \"ok\"", "\"message\": \"" + "x".repeat(20_000) + "\""))
                .statusCode(413)
                .body("code", equalTo("outcome-too-large"));
        post(acme, "").statusCode(400).body("code", equalTo("body-empty"));
        assertEquals(0, fixtures.count("apply_outcome"));
        assertEquals(0, fixtures.count("agent_nonce"));
    }

    @Test
    void withoutTheAgentsCredentialIs401() {
        given().contentType("application/json")
                .body(outcome(UUID.randomUUID(), "PATCH_PLAN", planId.toString(), "APPLIED"))
                .post("/agent/outcomes")
                .then()
                .statusCode(401)
                .body("code", equalTo("credential-missing"));
        asAgent(acme.id() + ":forged", UUID.randomUUID().toString())
                .contentType("application/json")
                .body(outcome(UUID.randomUUID(), "PATCH_PLAN", planId.toString(), "APPLIED"))
                .post("/agent/outcomes")
                .then()
                .statusCode(401)
                .body("code", equalTo("credential-invalid"));
        assertEquals(0, fixtures.count("apply_outcome"));
    }

    private static ValidatableResponse post(EnrolledAgent agent, String body) {
        return asAgent(agent)
                .contentType("application/json")
                .body(body)
                .post("/agent/outcomes")
                .then();
    }

    private static String outcome(UUID outcomeId, String kind, String reference, String result) {
        return """
                {"outcomeId": "%s", "kind": "%s", "reference": "%s", "result": "%s",
                 "checks": [{"kind": "port", "target": "127.0.0.1:22", "passed": true}],
                 "installed": [{"packageName": "openssl", "version": "3.0.16-1~deb12u1"}],
                 "message": "ok", "reportedAt": "2026-11-21T09:00:00Z"}
                """.formatted(outcomeId, kind, reference, result);
    }
}
