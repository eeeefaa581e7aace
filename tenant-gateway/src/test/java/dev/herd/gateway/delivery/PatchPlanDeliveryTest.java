package dev.herd.gateway.delivery;

import static dev.herd.gateway.GatewayFixtures.acmeGateway;
import static dev.herd.gateway.GatewayFixtures.asAgent;
import static dev.herd.gateway.GatewayFixtures.globexGateway;
import static dev.herd.gateway.delivery.DeliveryFixtures.await;
import static dev.herd.testing.KeycloakTokens.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herd.contracts.delivery.PatchPlan;
import dev.herd.gateway.GatewayFixtures;
import dev.herd.gateway.GatewayFixtures.EnrolledAgent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Patch plans from Artemis to their agent: once per plan id, only for known agents of the plan's tenant. */
@QuarkusTest
class PatchPlanDeliveryTest {

    @Inject
    GatewayFixtures fixtures;

    @Inject
    DeliveryFixtures delivery;

    private EnrolledAgent acme;
    private EnrolledAgent globex;

    @BeforeEach
    void enrolOnePerTenant() {
        fixtures.reset();
        acme = GatewayFixtures.enrol(acmeGateway(), "web-01");
        globex = GatewayFixtures.enrol(globexGateway(), "mail-01");
    }

    @Test
    void pendingPlansAreListedOldestFirstWithAnETagOverTheSet() {
        String empty = asAgent(acme)
                .get("/agent/patch-plans")
                .then()
                .statusCode(200)
                .body("$", empty())
                .extract()
                .header("ETag");
        UUID first = plan(acme, "acme");
        UUID second = plan(acme, "acme");
        String both = asAgent(acme)
                .get("/agent/patch-plans")
                .then()
                .statusCode(200)
                .body("planId", contains(first.toString(), second.toString()))
                .body("[0].steps[0].packageName", equalTo("openssl"))
                .body("[0].agentId", equalTo(acme.id().toString()))
                .extract()
                .header("ETag");
        assertNotEquals(empty, both);
        asAgent(acme)
                .header("If-None-Match", both)
                .get("/agent/patch-plans")
                .then()
                .statusCode(304);
        asAgent(acme)
                .header("If-None-Match", empty)
                .get("/agent/patch-plans")
                .then()
                .statusCode(200);
    }

    @Test
    void aLongPollWakesUpWhenAPlanArrives() throws Exception {
        String empty = asAgent(acme).get("/agent/patch-plans").then().extract().header("ETag");
        long started = System.nanoTime();
        CompletableFuture<Response> poll = CompletableFuture.supplyAsync(
                () -> asAgent(acme).header("If-None-Match", empty).get("/agent/patch-plans?wait=30"));
        Thread.sleep(1_000);
        assertFalse(poll.isDone(), "the long-poll answers only when the pending set changes");
        // Another agent's plan does not wake this one (nor is it shown).
        plan(globex, "globex");
        UUID planId = UUID.randomUUID();
        delivery.publishPlan(planId, "acme", acme.id(), "mid-web-01");
        Response answer = poll.get();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(200, answer.statusCode());
        assertEquals(java.util.List.of(planId.toString()), answer.path("planId"));
        assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "answered after " + took + ", well before 30 s");
    }

    @Test
    void aRepeatedPlanIdIsIgnored() {
        UUID planId = plan(acme, "acme");
        delivery.publish(PatchPlan.ADDRESS, DeliveryFixtures.plan(planId, "acme", acme.id(), "mid-web-01", "9.9"));
        plan(acme, "acme"); // a marker: taken after the repeat
        assertEquals(2, fixtures.count("patch_plan"));
        asAgent(acme)
                .get("/agent/patch-plans")
                .then()
                .statusCode(200)
                .body("[0].planId", equalTo(planId.toString()))
                .body("[0].steps[0].targetVersion", equalTo("3.0.16-1~deb12u1"));
    }

    @Test
    void plansForUnknownAgentsOrAnotherTenantAreRejectedAndNeverShown() {
        UUID unknown = UUID.randomUUID();
        UUID foreign = UUID.randomUUID();
        UUID wrongMachine = UUID.randomUUID();
        delivery.publishPlan(unknown, "acme", UUID.randomUUID(), "mid-x");
        delivery.publishPlan(foreign, "globex", acme.id(), "mid-web-01");
        delivery.publishPlan(wrongMachine, "acme", acme.id(), "mid-someone-else");
        UUID good = plan(acme, "acme");
        assertEquals(1, fixtures.count("patch_plan WHERE plan_id = '" + unknown + "' AND rejection = 'agent-unknown'"));
        assertEquals(
                1, fixtures.count("patch_plan WHERE plan_id = '" + foreign + "' AND rejection = 'tenant-mismatch'"));
        assertEquals(
                1,
                fixtures.count("patch_plan WHERE plan_id = '" + wrongMachine + "' AND rejection = 'machine-mismatch'"));
        asAgent(acme).get("/agent/patch-plans").then().statusCode(200).body("planId", contains(good.toString()));
        asAgent(globex).get("/agent/patch-plans").then().statusCode(200).body("$", empty());
        given().auth()
                .oauth2(user("herd-admin"))
                .get("/api/agents/" + acme.id() + "/patch-plans")
                .then()
                .statusCode(200)
                .body("planId", contains(good.toString()));
    }

    @Test
    void anAgentSeesOnlyItsOwnPlans() {
        UUID acmePlan = plan(acme, "acme");
        UUID globexPlan = plan(globex, "globex");
        asAgent(acme).get("/agent/patch-plans").then().body("planId", contains(acmePlan.toString()));
        asAgent(globex).get("/agent/patch-plans").then().body("planId", contains(globexPlan.toString()));
    }

    @Test
    void tenantUsersSeeTheirAgentsPlansAndStateButNoOtherTenants() {
        UUID planId = plan(acme, "acme");
        given().auth()
                .oauth2(user("acme-admin"))
                .get("/api/agents/" + acme.id() + "/patch-plans")
                .then()
                .statusCode(200)
                .body("planId", contains(planId.toString()))
                .body("[0].state", equalTo("PENDING"))
                .body("[0].plan.steps[0].packageName", equalTo("openssl"));
        given().auth()
                .oauth2(user("globex-admin"))
                .get("/api/agents/" + acme.id() + "/patch-plans")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("agent-not-found"));
        given().auth()
                .oauth2(globexGateway())
                .get("/api/agents/" + acme.id() + "/patch-plans")
                .then()
                .statusCode(404);
        given().get("/api/agents/" + acme.id() + "/patch-plans").then().statusCode(401);
    }

    @Test
    void badInputIsAProblem() {
        asAgent(acme)
                .get("/agent/patch-plans?wait=999")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("wait-invalid"));
        given().get("/agent/patch-plans").then().statusCode(401).body("code", equalTo("credential-missing"));
        delivery.publish(PatchPlan.ADDRESS, "[not json");
        delivery.publish(PatchPlan.ADDRESS, "{\"planId\": \"" + UUID.randomUUID() + "\"}");
        plan(acme, "acme");
        assertEquals(2, fixtures.count("dead_letter WHERE consumer = 'tenant-gateway.patch-plans'"));
    }

    /** Publishes a plan for the agent and waits until the gateway stored it. */
    private UUID plan(EnrolledAgent agent, String tenant) {
        UUID planId = UUID.randomUUID();
        String machine = agent == acme ? "mid-web-01" : "mid-mail-01";
        delivery.publishPlan(planId, tenant, agent.id(), machine);
        await(
                "plan " + planId + " is stored",
                () -> fixtures.count("patch_plan WHERE plan_id = '" + planId + "'") == 1);
        return planId;
    }
}
