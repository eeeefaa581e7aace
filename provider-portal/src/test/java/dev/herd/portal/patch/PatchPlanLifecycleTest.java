package dev.herd.portal.patch;

import static dev.herd.testing.KeycloakTokens.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.advisory.AdvisoryChanged;
import dev.herd.contracts.delivery.ApplyOutcome;
import dev.herd.contracts.delivery.PatchPlan;
import dev.herd.contracts.delivery.RuleBundle;
import dev.herd.contracts.inventory.MachineInventory;
import dev.herd.portal.support.PortalFixtures;
import dev.herd.portal.support.ProtectionSample;
import dev.herd.portal.support.RuleBundles;
import dev.herd.testing.EmbeddedArtemisResource;
import dev.herd.testing.Messages;
import dev.herd.testing.Subscription;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Patch plans from findings to outcomes: planned per machine, approved, sent as PatchPlan messages; APPLIED closes
 * the findings and withdraws the rules that stood in for the patch (new bundle revisions); ROLLED_BACK keeps the
 * rules; FAILED sends a rollback plan; bad or foreign outcomes are dead-lettered and change nothing.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class PatchPlanLifecycleTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final UUID WEB1 = ProtectionSample.id("acme", "acme-web1");
    /** web1's /etc/machine-id as its agent reports it: not its host name, as on a real machine. */
    private static final String WEB1_MACHINE_ID = "4c2f0e9a1b7d4e3f8a6b5c4d3e2f1a0b";

    private static final UUID WEB2 = ProtectionSample.id("acme", "acme-web2");

    @Inject
    ConnectionFactory connections;

    @Inject
    ObjectMapper json;

    @Inject
    PortalFixtures fixtures;

    @Inject
    PatchPlanService service;

    private Subscription bundles;
    private Subscription plans;

    @BeforeEach
    void protectedFleet() {
        fixtures.reset();
        bundles = Subscription.to(connections, json, RuleBundle.ADDRESS);
        plans = Subscription.to(connections, json, PatchPlan.ADDRESS);
        send(
                MachineInventory.ADDRESS,
                List.of(
                        ProtectionSample.machine("acme", "acme-web1", WEB1_MACHINE_ID, List.of("10.0.0.1")),
                        ProtectionSample.machine("acme", "acme-web2", List.of("10.0.0.2")),
                        ProtectionSample.machine("globex", "globex-web1", List.of("10.1.0.1"))));
        send(AdvisoryChanged.ADDRESS, List.of(ProtectionSample.exploited("CVE-2099-0101")));
        assertEquals(
                1,
                bundles.next(RuleBundle.class, b -> b.tenantId().equals("acme"), WAIT)
                        .revision());
    }

    @AfterEach
    void close() {
        bundles.close();
        plans.close();
    }

    @Test
    void appliedPatchesCloseFindingsAndWithdrawTheRules() {
        List<String> ids = planAcme();
        given().auth()
                .oauth2(user("acme-admin"))
                .get("/api/tenants/acme/patch-plans/" + ids.get(0))
                .then()
                .statusCode(200)
                .body("state", equalTo("PROPOSED"))
                .body("machine", equalTo("acme-web1"))
                .body("packageManager", equalTo("apt"))
                .body("steps.packageName", contains("libssl3", "openssl"))
                .body("steps.order", contains(1, 2))
                .body("steps.targetVersion", everyItem(equalTo(ProtectionSample.FIXED)))
                .body("steps.installedVersion", everyItem(equalTo(ProtectionSample.INSTALLED)))
                .body("preChecks.kind", contains("port", "port", "http", "port", "profile"))
                .body("preChecks.target[1]", equalTo("127.0.0.1:443"))
                .body("preChecks.target[2]", equalTo("https://127.0.0.1:443/"))
                .body(
                        "postChecks",
                        equalTo(given().auth()
                                .oauth2(user("acme-admin"))
                                .get("/api/tenants/acme/patch-plans/" + ids.get(0))
                                .path("preChecks")))
                .body(
                        "commands[0]",
                        equalTo("DEBIAN_FRONTEND=noninteractive apt-get install -y --only-upgrade "
                                + "libssl3=3.0.11-1~deb12u2 openssl=3.0.11-1~deb12u2"))
                .body(
                        "rollbackCommands[0]",
                        equalTo("DEBIAN_FRONTEND=noninteractive apt-get install -y --allow-downgrades "
                                + "openssl=3.0.11-1~deb12u1 libssl3=3.0.11-1~deb12u1"))
                .body("advisories", contains("CVE-2099-0101"));

        PatchPlan sent1 = approve(ids.get(0));
        assertEquals(WEB1, sent1.agentId());
        assertEquals(WEB1_MACHINE_ID, sent1.machineId(), "the plan names the machine id the gateway enrolled");
        assertEquals("apt", sent1.packageManager());
        assertEquals(2, sent1.steps().size());
        assertEquals(List.of("CVE-2099-0101"), sent1.advisories());
        assertEquals("PATCH_PLANNED", findingState(WEB1));
        given().auth()
                .oauth2(user("acme-admin"))
                .post("/api/tenants/acme/patch-plans/" + ids.get(0) + "/approve")
                .then()
                .statusCode(409)
                .body("code", equalTo("patch-plan-not-proposed"));
        approve(ids.get(1));

        outcome("acme", WEB1, ids.get(0), ApplyOutcome.Result.APPLIED);
        RuleBundle narrowed = bundles.next(RuleBundle.class, b -> b.tenantId().equals("acme"), WAIT);
        assertEquals(2, narrowed.revision());
        assertEquals(1L, narrowed.baseRevision(), "a delta on top of revision 1");
        assertEquals(2, RuleBundles.named(narrowed).size(), "both rules now protect fewer machines");
        RuleBundles.named(narrowed).forEach(r -> assertEquals(List.of("acme-web2"), r.machines()));
        assertEquals("PATCHED", findingState(WEB1));
        given().auth()
                .oauth2(user("acme-admin"))
                .get("/api/tenants/acme/findings?machine=acme-web1&includeClosed=true")
                .then()
                .body("[0].state", equalTo("PATCHED"));

        outcome("acme", WEB2, ids.get(1), ApplyOutcome.Result.APPLIED);
        RuleBundle empty = bundles.next(RuleBundle.class, b -> b.tenantId().equals("acme"), WAIT);
        assertEquals(3, empty.revision());
        assertEquals(List.of(), empty.rules());
        assertEquals(2, empty.changes().withdrawn().size(), "both rules withdrawn");
        assertFalse(empty.nftables().contains("jump r"), empty.nftables());
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/rules")
                .then()
                .statusCode(200)
                .body("state", everyItem(equalTo("WITHDRAWN")));
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/patch-plans?state=applied")
                .then()
                .statusCode(200)
                .body("$", hasSize(2));
        assertEquals(
                1,
                fixtures.count("SELECT count(*) FROM finding_history h JOIN finding f ON f.id = h.finding_id WHERE "
                        + "f.machine_id = '" + WEB1 + "' AND h.reason LIKE 'patch confirmed by agent%'"));
        // globex is untouched: its rules stay deployed
        given().auth()
                .oauth2(user("globex-admin"))
                .get("/api/tenants/globex/rules")
                .then()
                .body("state", everyItem(equalTo("DEPLOYED")));
    }

    @Test
    void rolledBackKeepsTheRulesAndFailedSendsARollbackPlan() {
        List<String> ids = planAcme();
        approve(ids.get(0));
        approve(ids.get(1));

        outcome("acme", WEB1, ids.get(0), ApplyOutcome.Result.ROLLED_BACK);
        assertEquals("ROLLED_BACK", planState(ids.get(0)));
        assertEquals("MITIGATED", findingState(WEB1));
        given().auth()
                .oauth2(user("acme-admin"))
                .get("/api/tenants/acme/rules")
                .then()
                .body("state", everyItem(equalTo("DEPLOYED")))
                .body("[0].machines.name", contains("acme-web1", "acme-web2"));

        outcome("acme", WEB2, ids.get(1), ApplyOutcome.Result.FAILED);
        assertEquals("FAILED", planState(ids.get(1)));
        PatchPlan rollback = plans.next(PatchPlan.class, p -> p.agentId().equals(WEB2), WAIT);
        assertEquals(
                List.of("openssl", "libssl3"),
                rollback.steps().stream().map(s -> s.packageName()).toList());
        rollback.steps().forEach(s -> {
            assertEquals(ProtectionSample.FIXED, s.installedVersion());
            assertEquals(ProtectionSample.INSTALLED, s.targetVersion());
        });
        assertTrue(
                rollback.commands().get(0).contains("--allow-downgrades"),
                rollback.commands().toString());
        given().auth()
                .oauth2(user("acme-admin"))
                .get("/api/tenants/acme/patch-plans/" + rollback.planId())
                .then()
                .statusCode(200)
                .body("state", equalTo("SENT"))
                .body("rollbackOf", equalTo(ids.get(1)))
                .body("findings", hasSize(0));
        assertEquals("MITIGATED", findingState(WEB2));
        bundles.none(RuleBundle.class, b -> b.tenantId().equals("acme"), Duration.ofSeconds(2));
    }

    @Test
    void badAndForeignOutcomesAreDeadLetteredAndChangeNothing() {
        List<String> ids = planAcme();
        approve(ids.get(0));
        long dead = 0;
        Messages.send(connections, json, ApplyOutcome.ADDRESS, List.of("{not json"));
        awaitDeadLetters(++dead);
        outcome("globex", WEB1, ids.get(0), ApplyOutcome.Result.APPLIED, false);
        awaitDeadLetters(++dead);
        outcome("acme", WEB1, UUID.randomUUID().toString(), ApplyOutcome.Result.APPLIED, false);
        awaitDeadLetters(++dead);
        outcome("acme", WEB1, "not-a-plan", ApplyOutcome.Result.APPLIED, false);
        awaitDeadLetters(++dead);
        assertEquals("SENT", planState(ids.get(0)));
        assertEquals("PATCH_PLANNED", findingState(WEB1));

        outcome("acme", WEB1, ids.get(0), ApplyOutcome.Result.SIMULATED);
        given().auth()
                .oauth2(user("acme-admin"))
                .get("/api/tenants/acme/patch-plans/" + ids.get(0))
                .then()
                .body("state", equalTo("SENT"))
                .body("lastResult", equalTo("SIMULATED"));

        // rule-bundle outcomes: recorded per machine; an unknown revision is dead-lettered
        outcome("acme", WEB1, "1", ApplyOutcome.Kind.RULE_BUNDLE, ApplyOutcome.Result.APPLIED, true);
        outcome("acme", WEB1, "77", ApplyOutcome.Kind.RULE_BUNDLE, ApplyOutcome.Result.APPLIED, false);
        awaitDeadLetters(++dead);
        given().auth()
                .oauth2(user("acme-admin"))
                .get("/api/tenants/acme/rule-bundle")
                .then()
                .body("confirmations.machine", contains("acme-web1"))
                .body("confirmations[0].revision", equalTo(1))
                .body("confirmations[0].result", equalTo("APPLIED"));

        given().auth()
                .oauth2(user("acme-admin"))
                .get("/api/tenants/acme/patch-plans/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("code", equalTo("patch-plan-not-found"));
        given().auth()
                .oauth2(user("acme-viewer"))
                .post("/api/tenants/acme/patch-plans")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/globex/patch-plans")
                .then()
                .statusCode(403)
                .body("code", equalTo("tenant-access-denied"));
        given().auth()
                .oauth2(user("globex-admin"))
                .get("/api/tenants/globex/patch-plans/" + ids.get(0))
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(user("globex-admin"))
                .post("/api/tenants/acme/patch-plans/" + ids.get(1) + "/approve")
                .then()
                .statusCode(403);
    }

    @Test
    void approvedPlanWaitsForTheMaintenanceWindow() {
        given().auth()
                .oauth2(user("acme-admin"))
                .contentType(ContentType.JSON)
                .body("""
                        {"filtering": {"knownExploited": true, "minEmergencyLevel": 2, "haltWhenNoRule": false},
                         "patching": {"mode": "AUTOMATIC", "approved": [],
                                      "maintenanceWindows": [{"days": ["SUNDAY"], "start": "02:00", "end": "04:00",
                                                              "zone": "UTC"}]}}""")
                .put("/api/tenants/acme/policy")
                .then()
                .statusCode(200);
        Instant saturday = Instant.parse("2099-01-03T03:00:00Z");
        Instant sunday = Instant.parse("2099-01-04T03:00:00Z");
        List<MachinePatchPlan> planned = service.planTenant("acme", saturday);
        assertEquals(2, planned.size());
        planned.forEach(p -> assertEquals(PatchPlanState.APPROVED, p.state));
        assertEquals(0, service.sendDue(saturday));
        assertEquals(2, service.sendDue(sunday));
        plans.next(PatchPlan.class, p -> p.agentId().equals(WEB1), WAIT);
        assertEquals("PATCH_PLANNED", findingState(WEB1));
    }

    private List<String> planAcme() {
        List<String> ids = given().auth()
                .oauth2(user("acme-admin"))
                .post("/api/tenants/acme/patch-plans")
                .then()
                .statusCode(200)
                .body("machine", contains("acme-web1", "acme-web2"))
                .body("state", everyItem(equalTo("PROPOSED")))
                .extract()
                .path("id");
        return ids;
    }

    private PatchPlan approve(String id) {
        given().auth()
                .oauth2(user("acme-admin"))
                .post("/api/tenants/acme/patch-plans/" + id + "/approve")
                .then()
                .statusCode(200)
                .body("state", equalTo("SENT"))
                .body(
                        "approvedBy",
                        equalTo(given().auth()
                                .oauth2(user("acme-admin"))
                                .get("/api/tenants/acme/patch-plans/" + id)
                                .path("approvedBy")));
        return plans.next(PatchPlan.class, p -> p.planId().toString().equals(id), WAIT);
    }

    private void outcome(String tenant, UUID agent, String reference, ApplyOutcome.Result result) {
        outcome(tenant, agent, reference, ApplyOutcome.Kind.PATCH_PLAN, result, true);
    }

    private void outcome(String tenant, UUID agent, String reference, ApplyOutcome.Result result, boolean applies) {
        outcome(tenant, agent, reference, ApplyOutcome.Kind.PATCH_PLAN, result, applies);
    }

    private void outcome(
            String tenant,
            UUID agent,
            String reference,
            ApplyOutcome.Kind kind,
            ApplyOutcome.Result result,
            boolean applies) {
        ApplyOutcome outcome = new ApplyOutcome(
                UUID.randomUUID(),
                tenant,
                agent,
                "m",
                kind,
                reference,
                result,
                List.of(),
                List.of(),
                "test",
                Instant.now());
        if (applies) {
            send(ApplyOutcome.ADDRESS, List.of(outcome));
        } else {
            Messages.send(connections, json, ApplyOutcome.ADDRESS, List.of(outcome));
        }
    }

    private void awaitDeadLetters(long expected) {
        PortalFixtures.await(
                expected + " dead letters",
                WAIT,
                () -> fixtures.count("SELECT count(*) FROM dead_letter WHERE consumer = 'portal-apply-outcomes'")
                        == expected);
    }

    private String planState(String id) {
        return given().auth()
                .oauth2(user("acme-admin"))
                .get("/api/tenants/acme/patch-plans/" + id)
                .path("state");
    }

    private String findingState(UUID machine) {
        List<String> states = given().auth()
                .oauth2(user("acme-admin"))
                .get("/api/tenants/acme/findings?includeClosed=true&machineId=" + machine)
                .path("state");
        assertEquals(1, states.size(), states.toString());
        return states.get(0);
    }

    private void send(String address, List<?> payloads) {
        long before = fixtures.count("SELECT count(*) FROM consumed_message");
        Messages.send(connections, json, address, payloads);
        PortalFixtures.await(
                payloads.size() + " messages consumed",
                WAIT,
                () -> fixtures.count("SELECT count(*) FROM consumed_message") == before + payloads.size());
    }
}
