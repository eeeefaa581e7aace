package dev.herd.hub.community;

import static dev.herd.hub.HubFixtures.OSV_PROVIDER;
import static dev.herd.hub.HubFixtures.pushFor;
import static dev.herd.testing.KeycloakTokens.client;
import static dev.herd.testing.KeycloakTokens.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpServer;
import dev.herd.contracts.advisory.AdvisoryChanged;
import dev.herd.contracts.damage.DamageReport;
import dev.herd.contracts.outbox.OutboxRelay;
import dev.herd.hub.HubFixtures;
import dev.herd.testing.EmbeddedArtemisResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Damage reports become community advisories: known-exploited, one mitigation per indicator, provenance by report
 * and origin pseudonym (never a tenant); reports of the same indicators confirm the same advisory; MSSP admins
 * revoke them for good; subscribed providers receive the reports; bad reports are set aside.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class CommunityAdvisoryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SIGNATURE = "GET /cgi-bin/.%2e/.%2e/bin/sh";
    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Inject
    HubFixtures fixtures;

    @Inject
    ConnectionFactory connections;

    @Inject
    OutboxRelay relay;

    @Inject
    DamageReportForwarder forwarder;

    @Inject
    ObjectMapper json;

    @BeforeEach
    void clean() {
        fixtures.resetWithProviders();
    }

    @Test
    void aDamageReportBecomesAKnownExploitedCommunityAdvisoryWithoutItsTenant() throws Exception {
        try (JMSContext context = connections.createContext(JMSContext.AUTO_ACKNOWLEDGE);
                JMSConsumer advisories = context.createConsumer(context.createTopic(AdvisoryChanged.URGENT_ADDRESS))) {
            UUID reportId = UUID.randomUUID();
            // a stray tenant field in the message must never be stored or passed on
            String payload = json.writeValueAsString(report(reportId, "origin-a7f3", indicators()))
                    .replaceFirst("\\{", "{\"tenantId\":\"acme\",");
            send(payload, UUID.randomUUID().toString());
            await("report applied", () -> fixtures.count("community_report") == 1);
            relay.sendBatch();

            AdvisoryChanged changed = next(advisories);
            assertTrue(changed.advisoryId().matches("HERD-COMMUNITY-[0-9A-F]{12}"), changed.advisoryId());
            assertEquals(AdvisoryChanged.Change.CREATED, changed.change());
            assertTrue(changed.knownExploited());
            assertTrue(changed.actionable());
            assertEquals(3, changed.emergencyLevel());
            assertEquals(List.of(), changed.packages());
            assertEquals(List.of(), changed.affected());
            assertEquals(3, changed.mitigations().size());
            assertTrue(changed.mitigations()
                    .contains(new AdvisoryChanged.Mitigation(
                            "tcp", 443, null, SIGNATURE, "payload signature seen in damage", null)));
            assertTrue(changed.mitigations()
                    .contains(new AdvisoryChanged.Mitigation(
                            "tcp", 443, null, null, "traffic from attacker 203.0.113.0/24", "203.0.113.0/24")));
            assertTrue(changed.mitigations()
                    .contains(new AdvisoryChanged.Mitigation(null, null, null, null, "file sha256 " + HASH, null)));

            String view = given().auth()
                    .oauth2(user("herd-admin"))
                    .get("/api/advisories/" + changed.advisoryId())
                    .then()
                    .statusCode(200)
                    .body("provenance", hasSize(1))
                    .body("provenance[0].provider", equalTo("herd-community"))
                    .body("provenance[0].documentId", equalTo(reportId.toString()))
                    .body("provenance[0].submittedBy", equalTo("origin:origin-a7f3"))
                    .extract()
                    .asString();
            assertFalse(view.contains("acme"), view);
            assertEquals(0, fixtures.count("dead_letter"));
        }
    }

    @Test
    void reportsOfTheSameIndicatorsConfirmOneAdvisoryAndCountTheirOrigins() throws Exception {
        send(report(UUID.randomUUID(), "origin-a", indicators()));
        List<DamageReport.Indicator> reordered = List.of(
                new DamageReport.Indicator(DamageReport.Type.FILE_HASH, HASH.toUpperCase(), null, null),
                new DamageReport.Indicator(DamageReport.Type.ATTACKER_ADDRESS, " 203.0.113.0/24", "TCP", 443),
                new DamageReport.Indicator(DamageReport.Type.SIGNATURE, SIGNATURE, "tcp", 443));
        String again = json.writeValueAsString(report(UUID.randomUUID(), "origin-b", reordered));
        String messageId = UUID.randomUUID().toString();
        send(again, messageId);
        send(again, messageId); // a redelivery: applied once
        send(report(UUID.randomUUID(), "origin-a", indicators()));
        await("reports applied", () -> fixtures.count("community_report") == 3);

        assertEquals(1, fixtures.count("community_advisory"));
        assertEquals(3, fixtures.count("provenance"));
        given().auth()
                .oauth2(user("herd-analyst"))
                .get("/api/community-advisories")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].state", equalTo("ACTIVE"))
                .body("[0].origins", equalTo(2))
                .body("[0].reports", equalTo(3))
                .body("[0].knownExploited", equalTo(true))
                .body("[0].emergencyLevel", equalTo(3));
        given().auth()
                .oauth2(user("acme-admin"))
                .get("/api/community-advisories")
                .then()
                .statusCode(403);
    }

    @Test
    void anMsspAdminRevokesAndLaterReportsDoNotResurrectIt() throws Exception {
        try (JMSContext context = connections.createContext(JMSContext.AUTO_ACKNOWLEDGE);
                JMSConsumer advisories = context.createConsumer(context.createTopic(AdvisoryChanged.URGENT_ADDRESS))) {
            send(report(UUID.randomUUID(), "origin-a", indicators()));
            await("report applied", () -> fixtures.count("community_report") == 1);
            relay.sendBatch();
            String id = next(advisories).advisoryId();

            given().auth()
                    .oauth2(user("acme-admin"))
                    .contentType(ContentType.JSON)
                    .body("{\"reason\":\"not ours\"}")
                    .post("/api/community-advisories/" + id + "/revoke")
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(user("herd-analyst"))
                    .contentType(ContentType.JSON)
                    .body("{\"reason\":\"false positive\"}")
                    .post("/api/community-advisories/" + id + "/revoke")
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(user("herd-admin"))
                    .contentType(ContentType.JSON)
                    .body("{\"reason\":\"the signature matches our own scanner\"}")
                    .post("/api/community-advisories/" + id + "/revoke")
                    .then()
                    .statusCode(200)
                    .body("state", equalTo("REVOKED"))
                    .body("revokedBy", equalTo("herd-admin"))
                    .body("revokeReason", equalTo("the signature matches our own scanner"));
            relay.sendBatch();
            // the scheduled relay may deliver the creation once more (at least once); the next other change counts
            AdvisoryChanged withdrawn = next(advisories);
            while (withdrawn.advisoryId().equals(id) && withdrawn.change() == AdvisoryChanged.Change.CREATED) {
                withdrawn = next(advisories);
            }
            assertEquals(id, withdrawn.advisoryId());
            assertEquals(AdvisoryChanged.Change.WITHDRAWN, withdrawn.change());
            assertFalse(withdrawn.knownExploited());

            long published = fixtures.count("outbox_message");
            send(report(UUID.randomUUID(), "origin-c", indicators()));
            await("late report recorded", () -> fixtures.count("community_report") == 2);
            assertEquals(published, fixtures.count("outbox_message"), "a revoked advisory is not announced again");
            given().auth()
                    .oauth2(user("herd-admin"))
                    .get("/api/advisories/" + id)
                    .then()
                    .statusCode(200)
                    .body("withdrawnAt", not(equalTo(null)))
                    .body("provenance", hasSize(1));
            given().auth()
                    .oauth2(user("herd-admin"))
                    .get("/api/community-advisories")
                    .then()
                    .body("[0].state", equalTo("REVOKED"))
                    .body("[0].reports", equalTo(2))
                    .body("[0].origins", equalTo(1));
            given().auth()
                    .oauth2(user("herd-admin"))
                    .contentType(ContentType.JSON)
                    .body("{\"reason\":\"twice\"}")
                    .post("/api/community-advisories/" + id + "/revoke")
                    .then()
                    .statusCode(409)
                    .body("code", equalTo("already-revoked"));
        }
    }

    @Test
    void badRevocationsAndMalformedReports() throws Exception {
        pushFor(OSV_PROVIDER, """
                        {"id":"OSV-COMM-1","modified":"2026-01-01T00:00:00Z","aliases":["CVE-2026-4444"],
                         "affected":[{"package":{"ecosystem":"Debian:12","name":"nginx"},
                           "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.2-1"}]}]}]}
                        """).then().statusCode(200);
        given().auth()
                .oauth2(user("herd-admin"))
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"no such\"}")
                .post("/api/community-advisories/HERD-COMMUNITY-000000000000/revoke")
                .then()
                .statusCode(404)
                .body("code", equalTo("advisory-not-found"));
        given().auth()
                .oauth2(user("herd-admin"))
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"not from damage\"}")
                .post("/api/community-advisories/CVE-2026-4444/revoke")
                .then()
                .statusCode(409)
                .body("code", equalTo("not-a-community-advisory"));
        given().auth()
                .oauth2(user("herd-admin"))
                .contentType(ContentType.JSON)
                .body("{\"reason\":\" \"}")
                .post("/api/community-advisories/CVE-2026-4444/revoke")
                .then()
                .statusCode(400);

        send("{not json", UUID.randomUUID().toString());
        send(report(UUID.randomUUID(), "origin-a", List.of()));
        send(report(
                UUID.randomUUID(),
                "origin-a",
                List.of(new DamageReport.Indicator(
                        DamageReport.Type.ATTACKER_ADDRESS, "evil.example.com", null, null))));
        send(report(
                UUID.randomUUID(),
                "origin-a",
                List.of(new DamageReport.Indicator(DamageReport.Type.ATTACKER_ADDRESS, "300.1.2.3", null, null))));
        send(report(
                UUID.randomUUID(),
                "origin-a",
                List.of(new DamageReport.Indicator(DamageReport.Type.FILE_HASH, "abc", null, null))));
        send(report(
                UUID.randomUUID(),
                "",
                List.of(new DamageReport.Indicator(DamageReport.Type.SIGNATURE, "x", "icmp", null))));
        send(
                "{\"reportId\":\"" + UUID.randomUUID() + "\",\"origin\":\"o\",\"detectedAt\":\"2026-01-01T00:00:00Z\","
                        + "\"indicators\":[{\"type\":\"MAGIC\",\"value\":\"x\"}]}",
                UUID.randomUUID().toString());
        await("malformed reports set aside", () -> fixtures.count("dead_letter") == 7);
        assertEquals(0, fixtures.count("community_report"));
        assertEquals(0, fixtures.count("community_advisory"));
    }

    @Test
    void subscribedProvidersReceiveTheReportWithRetries() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/damage", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            headers.add(lowerCased(exchange.getRequestHeaders()));
            exchange.sendResponseHeaders(calls.incrementAndGet() == 1 ? 503 : 204, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/damage";
            String osvClient = client("provider-osv-demo", "provider-osv-demo-secret");
            String secret = given().auth()
                    .oauth2(osvClient)
                    .contentType(ContentType.JSON)
                    .body("{\"url\":\"" + url + "\"}")
                    .put("/api/providers/osv-demo/damage-report-subscription")
                    .then()
                    .statusCode(200)
                    .body("url", equalTo(url))
                    .body("signingSecret", startsWith("whsec_"))
                    .extract()
                    .path("signingSecret");
            given().auth()
                    .oauth2(osvClient)
                    .contentType(ContentType.JSON)
                    .body("{\"url\":\"" + url + "\"}")
                    .put("/api/providers/csaf-demo/damage-report-subscription")
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(user("acme-admin"))
                    .contentType(ContentType.JSON)
                    .body("{\"url\":\"" + url + "\"}")
                    .put("/api/providers/osv-demo/damage-report-subscription")
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(user("herd-admin"))
                    .contentType(ContentType.JSON)
                    .body("{\"url\":\"ftp://example.org/x\"}")
                    .put("/api/providers/csaf-demo/damage-report-subscription")
                    .then()
                    .statusCode(400)
                    .body("code", equalTo("invalid-url"));
            given().auth()
                    .oauth2(user("herd-admin"))
                    .contentType(ContentType.JSON)
                    .body("{\"url\":\"" + url + "\"}")
                    .put("/api/providers/nobody/damage-report-subscription")
                    .then()
                    .statusCode(404);

            UUID reportId = UUID.randomUUID();
            send(report(reportId, "origin-a", indicators()));
            await("delivery queued", () -> fixtures.count("damage_delivery") == 1);
            assertEquals(1, forwarder.deliverDue());
            given().auth()
                    .oauth2(osvClient)
                    .get("/api/providers/osv-demo/damage-report-subscription")
                    .then()
                    .statusCode(200)
                    .body("signingSecret", equalTo(null))
                    .body("deliveries.state", contains("PENDING"))
                    .body("deliveries[0].lastStatus", equalTo(503));
            assertEquals(1, forwarder.deliverDue());
            assertEquals(0, forwarder.deliverDue());
            given().auth()
                    .oauth2(user("herd-admin"))
                    .get("/api/providers/osv-demo/damage-report-subscription")
                    .then()
                    .statusCode(200)
                    .body("deliveries.state", contains("DELIVERED"))
                    .body("deliveries[0].attempts", equalTo(2))
                    .body("deliveries[0].attemptLog.attempt", contains(1, 2))
                    .body("deliveries[0].attemptLog.statusCode", contains(503, 204))
                    .body("deliveries[0].attemptLog[0].error", equalTo("HTTP 503"))
                    .body("deliveries[0].reportId", equalTo(reportId.toString()));
            assertEquals(2, received.size());
            // Each attempt is signed with the key the provider was given: Standard Webhooks' own verifier accepts it,
            // and rejects the same headers over a changed body or under another key.
            new Webhook(secret).verify(received.get(1), headers.get(1));
            assertEquals(reportId.toString(), headers.get(1).get("webhook-id").get(0));
            assertThrows(
                    WebhookVerificationException.class,
                    () -> new Webhook(secret).verify(received.get(1).replace("origin-a", "origin-b"), headers.get(1)));
            assertThrows(
                    WebhookVerificationException.class,
                    () -> new Webhook(DamageReportSigner.newSecret()).verify(received.get(1), headers.get(1)));
            DamageReport delivered = json.readValue(received.get(1), DamageReport.class);
            assertEquals(reportId, delivered.reportId());
            assertEquals("origin-a", delivered.origin());
            assertFalse(received.get(1).contains("tenant"), received.get(1));
            given().auth()
                    .oauth2(user("herd-admin"))
                    .get("/api/providers/csaf-demo/damage-report-subscription")
                    .then()
                    .statusCode(200)
                    .body("url", equalTo(null))
                    .body("deliveries", hasSize(0));
        } finally {
            server.stop(0);
        }
    }

    /** The request headers with lower-case names, as Standard Webhooks' verifier looks them up. */
    private static Map<String, List<String>> lowerCased(Map<String, List<String>> headers) {
        Map<String, List<String>> lower = new HashMap<>();
        headers.forEach((name, values) -> lower.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        return lower;
    }

    private static List<DamageReport.Indicator> indicators() {
        return List.of(
                new DamageReport.Indicator(DamageReport.Type.SIGNATURE, SIGNATURE, "tcp", 443),
                new DamageReport.Indicator(DamageReport.Type.ATTACKER_ADDRESS, "203.0.113.0/24", "tcp", 443),
                new DamageReport.Indicator(DamageReport.Type.FILE_HASH, HASH, null, null));
    }

    private static DamageReport report(UUID id, String origin, List<DamageReport.Indicator> indicators) {
        return new DamageReport(
                id, origin, Instant.parse("2026-03-01T10:00:00Z"), indicators, 2, "web shell dropped via CGI");
    }

    private void send(DamageReport report) throws IOException {
        send(json.writeValueAsString(report), UUID.randomUUID().toString());
    }

    private void send(String payload, String messageId) {
        try (JMSContext context = connections.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            TextMessage text = context.createTextMessage(payload);
            text.setStringProperty("_AMQ_DUPL_ID", messageId);
            context.createProducer().send(context.createTopic(DamageReport.ADDRESS), text);
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private AdvisoryChanged next(JMSConsumer consumer) throws Exception {
        TextMessage message = (TextMessage) consumer.receive(WAIT.toMillis());
        assertNotNull(message, "no message on " + AdvisoryChanged.URGENT_ADDRESS);
        return json.readValue(message.getText(), AdvisoryChanged.class);
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
