package dev.herd.portal.webhook;

import static dev.herd.testing.KeycloakTokens.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import dev.herd.portal.damage.CaseState;
import dev.herd.portal.damage.DamageCaseRepository;
import dev.herd.portal.support.PortalFixtures;
import dev.herd.testing.EmbeddedArtemisResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks end to end: registered through the API, fed by the security event outbox (triggers), posted to a real
 * receiver that verifies the Standard Webhooks signature; retries visible; bad input and another tenant refused.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class WebhookTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    PortalFixtures fixtures;

    @Inject
    DamageCaseRepository cases;

    @Inject
    ObjectMapper json;

    private WebhookReceiver receiver;

    @BeforeEach
    void clean() throws Exception {
        fixtures.reset();
        receiver = new WebhookReceiver(204);
    }

    @AfterEach
    void stop() {
        receiver.close();
        fixtures.execute("DELETE FROM webhook_endpoint");
    }

    @Test
    void aDamageCaseReachesItsTenantsWebhookAndTheMsspsSignedAndNeverAnotherTenants() throws Exception {
        JsonPath acme =
                register("acme", "acme-admin", receiver.url("/acme"), "damage_case.opened", "damage_case.closed");
        register("globex", "globex-admin", receiver.url("/globex"), "damage_case.opened");
        JsonPath mssp = registerMssp(receiver.url("/mssp"), "damage_case.opened");
        String acmeSecret = acme.getString("secret");
        assertTrue(acmeSecret.startsWith("whsec_"), "the key is shown once, in the Standard Webhooks form");

        UUID caseId = QuarkusTransaction.requiringNew().call(() -> cases.openCase("acme", Instant.now()));

        PortalFixtures.await(
                "the acme and MSSP deliveries",
                WAIT,
                () -> receiver.received("/acme").size() == 1
                        && receiver.received("/mssp").size() == 1);
        WebhookReceiver.Received delivered = receiver.received("/acme").getFirst();
        verifyStandardWebhooks(acmeSecret, delivered);
        assertLibraryVerifies(acmeSecret, delivered);
        JsonNode body = json.readTree(delivered.body());
        assertEquals("damage_case.opened", body.path("type").asText());
        assertEquals("acme", body.path("data").path("tenant").asText());
        assertEquals(caseId.toString(), body.path("data").path("caseId").asText());
        verifyStandardWebhooks(
                mssp.getString("secret"), receiver.received("/mssp").getFirst());
        assertEquals(List.of(), receiver.received("/globex"), "globex's webhook never gets acme's event");

        given().auth()
                .oauth2(user("acme-admin"))
                .get("/api/tenants/acme/webhooks/" + acme.getString("id") + "/deliveries")
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].state", equalTo("DELIVERED"))
                .body("[0].webhookId", equalTo(delivered.headers().get("webhook-id")))
                .body("[0].eventType", equalTo("damage_case.opened"))
                .body("[0].attemptLog", hasSize(1))
                .body("[0].attemptLog[0].statusCode", equalTo(204));

        QuarkusTransaction.requiringNew()
                .run(() -> cases.moveTo("acme", caseId, CaseState.CLOSED, "isolation lifted", Instant.now(), null));
        PortalFixtures.await(
                "the closed case", WAIT, () -> receiver.received("/acme").size() == 2);
        WebhookReceiver.Received closed = receiver.received("/acme").get(1);
        verifyStandardWebhooks(acmeSecret, closed);
        assertEquals(
                "damage_case.closed", json.readTree(closed.body()).path("type").asText());
        assertEquals(1, receiver.received("/mssp").size(), "the MSSP asked for openings only");
    }

    @Test
    void aKnownExploitedFindingIsOneEventPerTenantAndAdvisory() throws Exception {
        JsonPath acme = register("acme", "acme-admin", receiver.url("/acme"), "finding.known_exploited");
        fixtures.execute("INSERT INTO advisory (id, title, known_exploited, emergency_level, actionable, withdrawn, "
                + "aliases, affected, mitigations, patches, modified_at, updated_at) VALUES ('CVE-2021-4034', "
                + "'pwnkit', true, 3, true, false, '[]', '[]', '[]', '[]', now(), now()), ('CVE-2026-0001', 'quiet', "
                + "false, 0, true, false, '[]', '[]', '[]', '[]', now(), now())");
        UUID web = UUID.randomUUID();
        UUID db = UUID.randomUUID();
        UUID globex = UUID.randomUUID();
        fixtures.execute("INSERT INTO machine (id, tenant_id, name, addresses, listening, last_sequence, updated_at) "
                + "VALUES ('" + web + "', 'acme', 'web-01', '[]', '[]', 1, now()), ('" + db + "', 'acme', 'db-01', "
                + "'[]', '[]', 1, now()), ('" + globex + "', 'globex', 'mail-01', '[]', '[]', 1, now())");
        fixtures.execute("INSERT INTO finding (tenant_id, machine_id, advisory_id, package_name, installed, action, "
                + "state, opened_at, updated_at) VALUES "
                + "('acme', '" + web + "', 'CVE-2021-4034', 'policykit-1', '0.105-31', 'PATCH', 'OPEN', now(), now()), "
                + "('acme', '" + db + "', 'CVE-2021-4034', 'policykit-1', '0.105-31', 'PATCH', 'OPEN', now(), now()), "
                + "('acme', '" + db + "', 'CVE-2026-0001', 'zlib', '1.2', 'PATCH', 'OPEN', now(), now()), "
                + "('globex', '" + globex + "', 'CVE-2021-4034', 'policykit-1', '0.105-31', 'PATCH', 'OPEN', now(), "
                + "now())");

        PortalFixtures.await(
                "the known-exploited delivery",
                WAIT,
                () -> !receiver.received("/acme").isEmpty());
        Thread.sleep(600); // a few more delivery runs: nothing else may come
        List<WebhookReceiver.Received> received = receiver.received("/acme");
        assertEquals(1, received.size(), "one event for the advisory, none for the quiet one or globex's");
        verifyStandardWebhooks(acme.getString("secret"), received.getFirst());
        JsonNode data = json.readTree(received.getFirst().body()).path("data");
        assertEquals("CVE-2021-4034", data.path("advisoryId").asText());
        assertEquals("acme", data.path("tenant").asText());
        assertEquals(2, data.path("machineCount").asInt());
        assertEquals(2, data.path("machines").size());
    }

    @Test
    void anEscalatedOrderAndAnAdvisoryTurningKnownExploitedReachTheMssp() throws Exception {
        JsonPath mssp = registerMssp(receiver.url("/mssp"), "order.escalated", "finding.known_exploited");
        UUID caseId = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        UUID machine = UUID.randomUUID();
        fixtures.execute("INSERT INTO damage_case (id, tenant_id, state, opened_at, updated_at) VALUES ('" + caseId
                + "', 'globex', 'ISOLATED', now(), now())");
        fixtures.execute("INSERT INTO isolation_order (order_id, tenant_id, case_id, isolation_point, mode, issued_at) "
                + "VALUES ('" + order + "', 'globex', '" + caseId + "', 'fw-dmz', 'COMPLETE', now())");
        fixtures.execute("INSERT INTO advisory (id, known_exploited, emergency_level, actionable, withdrawn, aliases, "
                + "affected, mitigations, patches, modified_at, updated_at) VALUES ('CVE-2026-0002', false, 0, true, "
                + "false, '[]', '[]', '[]', '[]', now(), now())");
        fixtures.execute("INSERT INTO machine (id, tenant_id, name, addresses, listening, last_sequence, updated_at) "
                + "VALUES ('" + machine + "', 'globex', 'mail-01', '[]', '[]', 1, now())");
        fixtures.execute("INSERT INTO finding (tenant_id, machine_id, advisory_id, package_name, installed, action, "
                + "state, opened_at, updated_at) VALUES ('globex', '" + machine + "', 'CVE-2026-0002', 'exim4', "
                + "'4.94', 'PATCH', 'OPEN', now(), now())");

        fixtures.execute("UPDATE isolation_order SET status = 'ESCALATED', attempt = 5, status_detail = 'device "
                + "refused', status_at = now() WHERE order_id = '" + order + "'");
        fixtures.execute("UPDATE advisory SET known_exploited = true WHERE id = 'CVE-2026-0002'");

        PortalFixtures.await(
                "both events", WAIT, () -> receiver.received("/mssp").size() == 2);
        Map<String, JsonNode> byType = new java.util.HashMap<>();
        for (WebhookReceiver.Received r : receiver.received("/mssp")) {
            verifyStandardWebhooks(mssp.getString("secret"), r);
            JsonNode body = json.readTree(r.body());
            byType.put(body.path("type").asText(), body.path("data"));
        }
        assertEquals(
                order.toString(), byType.get("order.escalated").path("orderId").asText());
        assertEquals(
                "device refused", byType.get("order.escalated").path("detail").asText());
        assertEquals("globex", byType.get("order.escalated").path("tenant").asText());
        JsonNode kev = byType.get("finding.known_exploited");
        assertEquals("CVE-2026-0002", kev.path("advisoryId").asText());
        assertTrue(kev.path("advisoryNowKnownExploited").asBoolean());
        assertEquals(machine.toString(), kev.path("machines").get(0).asText());
    }

    @Test
    void aFailingReceiverIsRetriedWithBackoffAndEveryAttemptIsShown() throws Exception {
        try (WebhookReceiver failing = new WebhookReceiver(500)) {
            JsonPath hook = register("acme", "acme-admin", failing.url("/down"), "warning.raised");
            fixtures.execute("INSERT INTO tenant_warning (id, tenant_id, anomaly_key, indicator, reporting, "
                    + "countermeasure, state, created_at) VALUES ('" + UUID.randomUUID() + "', 'acme', 'k1', "
                    + "'ET WEB spreading', 2, 'block it', 'OPEN', now())");
            String deliveries = "/api/tenants/acme/webhooks/" + hook.getString("id") + "/deliveries";
            PortalFixtures.await(
                    "the delivery to fail for good",
                    WAIT,
                    () -> "FAILED"
                            .equals(given().auth()
                                    .oauth2(user("acme-admin"))
                                    .get(deliveries)
                                    .then()
                                    .extract()
                                    .path("[0].state")));
            JsonPath shown = given().auth()
                    .oauth2(user("acme-admin"))
                    .get(deliveries)
                    .then()
                    .statusCode(200)
                    .body("[0].attempts", equalTo(3))
                    .body("[0].nextAttemptAt", nullValue())
                    .body("[0].attemptLog.statusCode", equalTo(List.of(500, 500, 500)))
                    .body("[0].attemptLog.error", equalTo(List.of("HTTP 500", "HTTP 500", "HTTP 500")))
                    .extract()
                    .jsonPath();
            List<WebhookReceiver.Received> posts = failing.received();
            assertEquals(3, posts.size(), "max-attempts is 3 in tests");
            assertEquals(
                    1,
                    posts.stream()
                            .map(p -> p.headers().get("webhook-id"))
                            .distinct()
                            .count(),
                    "the same webhook-id on every retry");
            posts.forEach(p -> verifyStandardWebhooks(hook.getString("secret"), p));
            List<Instant> at = shown.getList("[0].attemptLog.at", String.class).stream()
                    .map(Instant::parse)
                    .toList();
            Duration firstPause = Duration.between(at.get(0), at.get(1));
            Duration secondPause = Duration.between(at.get(1), at.get(2));
            assertTrue(firstPause.toMillis() >= 200, "first retry after first-retry (200ms): " + firstPause);
            assertTrue(secondPause.toMillis() >= 400, "then doubled: " + secondPause);
        }
    }

    @Test
    void badInputIsAProblemAndNothingIsStored() {
        String url = receiver.url("/x");
        refused("{\"url\":\"ftp://example.org/hook\",\"eventTypes\":[\"warning.raised\"]}", "invalid-url");
        refused("{\"url\":\"not a url\",\"eventTypes\":[\"warning.raised\"]}", "invalid-url");
        refused("{\"url\":\"https://user:pw@example.org/\",\"eventTypes\":[\"warning.raised\"]}", "invalid-url");
        refused("{\"eventTypes\":[\"warning.raised\"]}", "invalid-url");
        refused("{\"url\":\"" + url + "\",\"eventTypes\":[\"finding.everything\"]}", "unknown-event-type");
        refused("{\"url\":\"" + url + "\",\"eventTypes\":[]}", "event-types-required");
        refused("{\"url\":\"" + url + "\\u0000\",\"eventTypes\":[\"warning.raised\"]}", null);
        refused("{\"url\":\"" + url + "\",\"eventTypes\":[\"warning.raised\"],\"description\":\"a\\u0000b\"}", null);
        refused("{\"url\":", null);
        given().auth()
                .oauth2(user("acme-admin"))
                .get("/api/tenants/acme/webhooks")
                .then()
                .statusCode(200)
                .body("", hasSize(0));
        JsonPath hook = register("acme", "acme-admin", url, "warning.raised");
        given().auth()
                .oauth2(user("acme-admin"))
                .get("/api/tenants/acme/webhooks/" + hook.getString("id") + "/deliveries?limit=abc")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("invalid-limit"));
        given().auth()
                .oauth2(user("acme-admin"))
                .get("/api/tenants/acme/webhooks/not-a-uuid")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("webhook-not-found"));
    }

    @Test
    void anotherTenantsCallerNeitherSeesNorDeletesAWebhook() {
        JsonPath hook = register("acme", "acme-admin", receiver.url("/acme"), "damage_case.opened");
        String id = hook.getString("id");
        given().auth()
                .oauth2(user("globex-admin"))
                .get("/api/tenants/acme/webhooks")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(user("globex-admin"))
                .get("/api/tenants/acme/webhooks/" + id + "/deliveries")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(user("globex-admin"))
                .delete("/api/tenants/acme/webhooks/" + id)
                .then()
                .statusCode(403);
        for (String path :
                List.of("/api/tenants/globex/webhooks/" + id, "/api/tenants/globex/webhooks/" + id + "/deliveries")) {
            given().auth()
                    .oauth2(user("globex-admin"))
                    .get(path)
                    .then()
                    .statusCode(404)
                    .body("code", equalTo("webhook-not-found"));
        }
        given().auth()
                .oauth2(user("globex-admin"))
                .delete("/api/tenants/globex/webhooks/" + id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(user("globex-admin"))
                .get("/api/tenants/globex/webhooks")
                .then()
                .body("", hasSize(0));
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/webhooks")
                .then()
                .statusCode(403);
        given().auth().oauth2(user("acme-admin")).get("/api/webhooks").then().statusCode(403);
        given().auth()
                .oauth2(user("herd-admin"))
                .get("/api/webhooks/" + id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(user("acme-admin"))
                .get("/api/tenants/acme/webhooks/" + id)
                .then()
                .statusCode(200)
                .body("url", equalTo(receiver.url("/acme")))
                .body("secret", nullValue());
        given().auth()
                .oauth2(user("acme-admin"))
                .delete("/api/tenants/acme/webhooks/" + id)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(user("acme-admin"))
                .get("/api/tenants/acme/webhooks/" + id)
                .then()
                .statusCode(404);
    }

    @Test
    void securityEventsGoToTheSecurityLogCategory() {
        List<LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord ext) {
                    ext.copyAll(); // the MDC as it is while the event is logged, as a handler's formatter sees it
                }
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger(SecurityLog.CATEGORY);
        logger.addHandler(capture);
        try {
            UUID caseId = QuarkusTransaction.requiringNew().call(() -> cases.openCase("globex", Instant.now()));
            PortalFixtures.await(
                    "the security log line",
                    WAIT,
                    () -> records.stream()
                            .anyMatch(r -> r.getMessage() != null && format(r).contains(caseId.toString())));
            LogRecord line = records.stream()
                    .filter(r -> format(r).contains(caseId.toString()))
                    .findFirst()
                    .orElseThrow();
            assertTrue(format(line).startsWith("damage_case.opened at globex"), format(line));
            assertEquals("damage_case.opened", ((ExtLogRecord) line).getMdc("event.action"), "an ECS field");
            assertEquals("globex", ((ExtLogRecord) line).getMdc("herd.tenant"));
            SecurityOnlyFilter filter = new SecurityOnlyFilter();
            assertTrue(filter.isLoggable(line), "the syslog handler's filter lets it through");
            assertTrue(!filter.isLoggable(new LogRecord(java.util.logging.Level.INFO, "other")));
        } finally {
            logger.removeHandler(capture);
        }
    }

    private static String format(LogRecord record) {
        return record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : String.valueOf(record.getMessage());
    }

    private JsonPath register(String tenant, String as, String url, String... types) {
        return given().auth()
                .oauth2(user(as))
                .contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", Arrays.asList(types), "description", "test receiver"))
                .post("/api/tenants/" + tenant + "/webhooks")
                .then()
                .statusCode(201)
                .body("secret", startsWith("whsec_"))
                .body("tenant", equalTo(tenant))
                .extract()
                .jsonPath();
    }

    private JsonPath registerMssp(String url, String... types) {
        return given().auth()
                .oauth2(user("herd-admin"))
                .contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", Arrays.asList(types)))
                .post("/api/webhooks")
                .then()
                .statusCode(201)
                .body("tenant", nullValue())
                .extract()
                .jsonPath();
    }

    private void refused(String body, String code) {
        var answer = given().auth()
                .oauth2(user("acme-admin"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/tenants/acme/webhooks")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        if (code != null) {
            answer.body("code", equalTo(code));
        }
    }

    /**
     * The Standard Webhooks check, written out: HMAC-SHA256 under the base64 key after {@code whsec_}, over
     * {@code id.timestamp.body}, as one of the space-separated {@code v1,} signatures; timestamp within five minutes.
     */
    private static void verifyStandardWebhooks(String secret, WebhookReceiver.Received received) {
        String id = received.headers().get("webhook-id");
        String timestamp = received.headers().get("webhook-timestamp");
        String signatures = received.headers().get("webhook-signature");
        assertTrue(id != null && timestamp != null && signatures != null, "the three headers: " + received.headers());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String expected = "v1,"
                    + Base64.getEncoder()
                            .encodeToString(mac.doFinal(
                                    (id + "." + timestamp + "." + received.body()).getBytes(StandardCharsets.UTF_8)));
            assertTrue(Arrays.asList(signatures.split(" ")).contains(expected), "signature " + signatures);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
        long age = Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp));
        assertTrue(age < 300, "timestamp within five minutes");
    }

    /** A Standard Webhooks library accepts the delivery, and refuses it with another body. */
    private static void assertLibraryVerifies(String secret, WebhookReceiver.Received received) throws Exception {
        HttpHeaders headers = HttpHeaders.of(
                Map.of(
                        "webhook-id", List.of(received.headers().get("webhook-id")),
                        "webhook-timestamp", List.of(received.headers().get("webhook-timestamp")),
                        "webhook-signature", List.of(received.headers().get("webhook-signature"))),
                (a, b) -> true);
        new Webhook(secret).verify(received.body(), headers);
        assertThrows(
                WebhookVerificationException.class,
                () -> new Webhook(secret).verify(received.body().replace("acme", "evil"), headers));
    }
}
