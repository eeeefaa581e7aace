package dev.herd.gateway.delivery;

import static dev.herd.gateway.GatewayFixtures.acmeGateway;
import static dev.herd.gateway.GatewayFixtures.asAgent;
import static dev.herd.gateway.GatewayFixtures.globexGateway;
import static dev.herd.gateway.delivery.DeliveryFixtures.await;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herd.contracts.delivery.RuleBundle;
import dev.herd.gateway.GatewayFixtures;
import dev.herd.gateway.GatewayFixtures.EnrolledAgent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rule bundles from Artemis to agents: newest per tenant, ETag and 304, long-poll, only the agent's own tenant. */
@QuarkusTest
class RuleBundleDeliveryTest {

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
    void aTenantWithoutABundleYetIs204() {
        asAgent(acme).get("/agent/rule-bundle").then().statusCode(204);
    }

    @Test
    void theNewestBundleIsServedWithItsRevisionAsETagAndThen304() {
        delivery.publishBundle("acme", 1, "table inet herd {}");
        awaitRevision("acme", 1);
        asAgent(acme)
                .get("/agent/rule-bundle")
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("tenantId", equalTo("acme"))
                .body("revision", equalTo(1))
                .body("nftables", equalTo("table inet herd {}"))
                .body("suricata", containsString("sid:1"))
                .body("rules[0].port", equalTo(8443));
        asAgent(acme)
                .header("If-None-Match", "\"1\"")
                .get("/agent/rule-bundle")
                .then()
                .statusCode(304)
                .header("ETag", "\"1\"");
        asAgent(acme)
                .header("If-None-Match", "\"0\"")
                .get("/agent/rule-bundle")
                .then()
                .statusCode(200);
    }

    @Test
    void aLongPollWakesUpWhenANewerBundleIsConsumed() throws Exception {
        delivery.publishBundle("acme", 1, "one");
        awaitRevision("acme", 1);
        long started = System.nanoTime();
        CompletableFuture<Response> poll = CompletableFuture.supplyAsync(
                () -> asAgent(acme).header("If-None-Match", "\"1\"").get("/agent/rule-bundle?wait=30"));
        Thread.sleep(1_000);
        assertFalse(poll.isDone(), "the long-poll answers only when there is something newer");
        delivery.publishBundle("acme", 2, "two");
        Response answer = poll.get();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(200, answer.statusCode());
        assertEquals("\"2\"", answer.header("ETag"));
        assertEquals("two", answer.path("nftables"));
        assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "answered after " + took + ", well before 30 s");
    }

    @Test
    void aLongPollWithoutANewerBundleIs304WhenTheWaitEnds() {
        delivery.publishBundle("acme", 1, "one");
        awaitRevision("acme", 1);
        long started = System.nanoTime();
        asAgent(acme)
                .header("If-None-Match", "W/\"1\"")
                .get("/agent/rule-bundle?wait=2")
                .then()
                .statusCode(304)
                .header("ETag", "\"1\"");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(Duration.ofMillis(1_900)) > 0, "answered after " + took + ", before the wait ended");
    }

    @Test
    void aLongPollOfATenantWithoutABundleAnswersTheFirstOne() throws Exception {
        CompletableFuture<Response> poll =
                CompletableFuture.supplyAsync(() -> asAgent(acme).get("/agent/rule-bundle?wait=30"));
        Thread.sleep(500);
        delivery.publishBundle("globex", 1, "globex only");
        delivery.publishBundle("acme", 4, "acme first");
        Response answer = poll.get();
        assertEquals(200, answer.statusCode());
        assertEquals("acme first", answer.path("nftables"));
    }

    @Test
    void olderOrEqualRevisionsAreIgnored() {
        delivery.publishBundle("acme", 3, "three");
        delivery.publishBundle("acme", 2, "two");
        delivery.publishBundle("acme", 3, "three again");
        // Messages of one subscription are taken in order: once the marker is stored, the ones before it were seen.
        delivery.publishBundle("globex", 1, "marker");
        awaitRevision("globex", 1);
        asAgent(acme)
                .get("/agent/rule-bundle")
                .then()
                .statusCode(200)
                .header("ETag", "\"3\"")
                .body("nftables", equalTo("three"));
        assertEquals(2, fixtures.count("rule_bundle"));
    }

    @Test
    void anAgentNeverSeesAnotherTenantsBundle() {
        delivery.publishBundle("globex", 7, "globex rules");
        awaitRevision("globex", 7);
        asAgent(acme).get("/agent/rule-bundle").then().statusCode(204);
        delivery.publishBundle("acme", 1, "acme rules");
        awaitRevision("acme", 1);
        asAgent(acme)
                .get("/agent/rule-bundle")
                .then()
                .statusCode(200)
                .body("tenantId", equalTo("acme"))
                .body("nftables", equalTo("acme rules"));
        asAgent(globex)
                .get("/agent/rule-bundle")
                .then()
                .statusCode(200)
                .header("ETag", "\"7\"")
                .body("nftables", equalTo("globex rules"));
    }

    @Test
    void unreadableMessagesGoToTheDeadLettersAndTheNextOnesStillArrive() {
        delivery.publish(RuleBundle.ADDRESS, "{\"tenantId\": \"acme\", \"revision\": ");
        delivery.publish(RuleBundle.ADDRESS, "{\"revision\": 5}");
        delivery.publishBundle("acme", 1, "after the bad ones");
        awaitRevision("acme", 1);
        assertEquals(2, fixtures.count("dead_letter WHERE consumer = 'tenant-gateway.rule-bundles'"));
        assertEquals(1, fixtures.count("dead_letter WHERE error LIKE 'not a RuleBundle%'"));
    }

    @Test
    void bundlesWaitingTogetherAreStoredInFewTransactionsAndABadOneAmongThemIsSetAsideAlone() {
        List<String> good = new ArrayList<>();
        for (int revision = 1; revision <= 20; revision++) {
            good.add(DeliveryFixtures.bundle("acme", revision, "acme " + revision));
            good.add(DeliveryFixtures.bundle("globex", revision, "globex " + revision));
        }
        delivery.publishTogether(RuleBundle.ADDRESS, good);
        awaitRevision("acme", 20);
        awaitRevision("globex", 20);
        long transactions = fixtures.count(
                "(SELECT DISTINCT consumed_at FROM consumed_message WHERE consumer = 'tenant-gateway.rule-bundles') t");
        assertTrue(transactions < 40, "40 bundles waiting together took " + transactions + " transactions");

        List<String> withABadOne = new ArrayList<>();
        for (int revision = 21; revision <= 25; revision++) {
            withABadOne.add(DeliveryFixtures.bundle("acme", revision, "acme " + revision));
        }
        withABadOne.add(2, "{\"tenantId\": \"acme\", \"revision\": ");
        delivery.publishTogether(RuleBundle.ADDRESS, withABadOne);
        awaitRevision("acme", 25); // each full bundle replaces the one before: the last, behind the bad one, is held
        assertEquals(1, fixtures.count("dead_letter WHERE consumer = 'tenant-gateway.rule-bundles'"));
        asAgent(acme).get("/agent/rule-bundle").then().statusCode(200).header("ETag", "\"25\"");
    }

    @Test
    void aWaitOutsideZeroToSixtyIs400() {
        for (String wait : new String[] {"999", "-1", "soon"}) {
            asAgent(acme)
                    .get("/agent/rule-bundle?wait=" + wait)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("wait-invalid"));
        }
    }

    @Test
    void withoutTheAgentsCredentialIs401() {
        given().get("/agent/rule-bundle")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("credential-missing"));
        given().auth()
                .oauth2(acmeGateway())
                .get("/agent/rule-bundle")
                .then()
                .statusCode(401)
                .body("code", equalTo("credential-invalid"));
    }

    private void awaitRevision(String tenant, long revision) {
        await(
                "revision " + revision + " of " + tenant + " is stored",
                () -> fixtures.count("rule_bundle WHERE tenant_id = '" + tenant + "' AND revision = " + revision) == 1);
    }
}
