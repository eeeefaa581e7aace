package dev.herd.portal.index;

import static dev.herd.testing.KeycloakTokens.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.damage.DamageReport;
import dev.herd.contracts.monitor.MonitorRecords;
import dev.herd.portal.damage.DamageSample;
import dev.herd.portal.support.PortalFixtures;
import dev.herd.testing.EmbeddedArtemisResource;
import dev.herd.testing.Messages;
import dev.herd.testing.Subscription;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Indices with exact values for crafted findings and attacks (DESIGN §3.6), deviation scores across all tenants,
 * trust from detector liveness and canary checks, and canary traffic that never counts as an attack.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class IndexTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ConnectionFactory connections;

    @Inject
    ObjectMapper json;

    @Inject
    PortalFixtures fixtures;

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void network() {
        fixtures.reset();
        DamageSample.fleet(connections, json, fixtures);
    }

    @Test
    void indicesFollowTheFormulaExactly() throws Exception {
        Instant now = Instant.now();
        advisory("ADV-HIGH", "HIGH");
        advisory("ADV-CRIT", "CRITICAL");
        advisory("ADV-MED", "MEDIUM");
        advisory("ADV-LOW", "low");
        advisory("ADV-NONE", null);
        UUID web1 = DamageSample.id("acme", "acme-web1");
        finding(web1, "acme", "ADV-HIGH", now.minus(Duration.ofDays(1)), false); // 10 x 0.1
        finding(web1, "acme", "ADV-MED", now.minus(Duration.ofDays(5)), false); // 5 x 0.5
        finding(web1, "acme", "ADV-LOW", now.minus(Duration.ofDays(10)), false); // 1 x 0.8
        finding(web1, "acme", "ADV-CRIT", now.minus(Duration.ofDays(60)), false); // 10 x 1.0
        finding(web1, "acme", "ADV-NONE", now.minus(Duration.ofDays(60)), false); // unknown: 0
        finding(DamageSample.id("acme", "acme-web2"), "acme", "ADV-CRIT", now.minus(Duration.ofDays(60)), true);
        finding(DamageSample.id("globex", "globex-web1"), "globex", "ADV-HIGH", now.minus(Duration.ofDays(40)), false);
        UUID acmeCase = damageCase("acme");
        attack(acmeCase, "acme", web1, "SIGNATURE", now.minus(Duration.ofHours(1))); // 10 x 0.1
        attack(acmeCase, "acme", web1, "DIVERGENCE", now.minus(Duration.ofDays(10))); // 5 x 0.8
        double acmeVulnerability = 10 * 0.1 + 5 * 0.5 + 1 * 0.8 + 10 * 1.0;
        double acmeRisk = 10 * 0.1 + 5 * 0.8;

        // Parsed by Jackson: RestAssured's JsonPath would read the numbers as floats.
        List<Map<String, Object>> tenants = json.readValue(
                given().auth()
                        .oauth2(user("herd-admin"))
                        .get("/api/indices")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString(),
                new TypeReference<List<Map<String, Object>>>() {});
        Map<String, Object> acme = tenant(tenants, "acme");
        Map<String, Object> globex = tenant(tenants, "globex");
        assertEquals(acmeVulnerability, number(acme, "vulnerabilityIndex"), 1e-9);
        assertEquals(5, ((Number) acme.get("openFindings")).intValue());
        assertEquals(1, ((Number) acme.get("unknownSeverityFindings")).intValue());
        assertEquals(acmeRisk, number(acme, "riskIndex"), 1e-9);
        assertEquals(2, ((Number) acme.get("attacks")).intValue());
        assertEquals(10.0, number(globex, "vulnerabilityIndex"), 1e-9);
        assertEquals(0.0, number(globex, "riskIndex"), 1e-9);
        for (String index : List.of("vulnerability", "risk")) {
            double[] values = tenants.stream()
                    .mapToDouble(t -> number(t, index + "Index"))
                    .toArray();
            double mean = java.util.Arrays.stream(values).average().orElseThrow();
            double sd = Math.sqrt(java.util.Arrays.stream(values)
                    .map(v -> (v - mean) * (v - mean))
                    .average()
                    .orElseThrow());
            for (Map<String, Object> t : tenants) {
                double expected = sd == 0 ? 50 : 50 + 10 * (number(t, index + "Index") - mean) / sd;
                assertEquals(expected, number(t, index + "Deviation"), 1e-9, t.get("tenantId") + " " + index);
            }
        }

        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/indices")
                .then()
                .statusCode(200)
                .body("tenantId", equalTo("acme"))
                .body("vulnerabilityIndex", equalTo((float) acmeVulnerability))
                .body("note", containsString("counts 0"))
                .body("trusted", equalTo(false));
        given().auth().oauth2(user("acme-viewer")).get("/api/indices").then().statusCode(403);
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/globex/indices")
                .then()
                .statusCode(403)
                .body("code", equalTo("tenant-access-denied"));
    }

    @Test
    void canaryTrafficProvesTheDetectorsAndIsNeverAnAttack() {
        given().auth()
                .oauth2(user("globex-admin"))
                .get("/api/tenants/globex/indices")
                .then()
                .statusCode(200)
                .body("trusted", equalTo(false))
                .body("trustReason", startsWith("No detector"));
        String canary = given().auth()
                .oauth2(user("globex-admin"))
                .contentType(ContentType.JSON)
                .body(Map.of("scanner", "nmap-probe-1"))
                .post("/api/tenants/globex/canary")
                .then()
                .statusCode(201)
                .body("signature", startsWith("HERD-CANARY-"))
                .extract()
                .path("signature");
        given().auth()
                .oauth2(user("acme-admin"))
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/tenants/globex/canary")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(user("acme-viewer"))
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/tenants/acme/canary")
                .then()
                .statusCode(403);

        try (Subscription reports = Subscription.to(connections, json, DamageReport.ADDRESS)) {
            Messages.send(
                    connections,
                    json,
                    MonitorRecords.ADDRESS,
                    List.of(DamageSample.records(
                            "globex",
                            "globex-web1",
                            List.of(DamageSample.hit(Instant.now(), DamageSample.ATTACKER, "10.1.0.1", canary)))));
            PortalFixtures.await(
                    "the canary seen",
                    WAIT,
                    () -> fixtures.count("SELECT count(*) FROM canary WHERE seen_at IS NOT NULL") == 1);
            reports.none(DamageReport.class, r -> true, Duration.ofSeconds(2));
        }
        assertEquals(0, fixtures.count("SELECT count(*) FROM damage_event"));
        assertEquals(0, fixtures.count("SELECT count(*) FROM attack_indicator"));
        assertEquals(0, fixtures.count("SELECT count(*) FROM machine_traffic"), "canary flows are not profiled");
        given().auth()
                .oauth2(user("globex-admin"))
                .get("/api/tenants/globex/damage-cases")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
        given().auth()
                .oauth2(user("globex-admin"))
                .get("/api/tenants/globex/canary")
                .then()
                .statusCode(200)
                .body("[0].seenAt", notNullValue())
                .body("[0].scanner", equalTo("nmap-probe-1"));
        given().auth()
                .oauth2(user("globex-admin"))
                .get("/api/tenants/globex/indices")
                .then()
                .statusCode(200)
                .body("trusted", equalTo(true))
                .body("riskIndex", equalTo(0.0f));
        // acme's agents run no sensor: nothing watches its network, its figures stay untrusted.
        given().auth()
                .oauth2(user("herd-admin"))
                .get("/api/tenants/acme/indices")
                .then()
                .statusCode(200)
                .body("trusted", equalTo(false))
                .body("trustReason", startsWith("No detector"));
        // a sensor of acme heard of long ago is a silent detector, named by its machine
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery("INSERT INTO detector_seen (agent_id, tenant_id, last_seen_at) "
                                + "VALUES (:a, 'acme', now() - interval '1 day')")
                        .setParameter("a", DamageSample.id("acme", "acme-web1"))
                        .executeUpdate());
        given().auth()
                .oauth2(user("herd-admin"))
                .get("/api/tenants/acme/indices")
                .then()
                .statusCode(200)
                .body("trusted", equalTo(false))
                .body("trustReason", allOf(containsString("silent"), containsString("acme-web1")));
    }

    private static Map<String, Object> tenant(List<Map<String, Object>> tenants, String id) {
        return tenants.stream()
                .filter(t -> id.equals(t.get("tenantId")))
                .findFirst()
                .orElseThrow();
    }

    private static double number(Map<String, Object> tenant, String field) {
        return ((Number) tenant.get(field)).doubleValue();
    }

    private void advisory(String id, String severity) {
        sql(
                "INSERT INTO advisory (id, title, severity, known_exploited, emergency_level, actionable, withdrawn, "
                        + "aliases, affected, mitigations, patches, modified_at, updated_at) VALUES (?1, ?1, ?2, false, "
                        + "0, true, false, '[]', '[]', '[]', '[]', now(), now())",
                id,
                severity);
    }

    private void finding(UUID machine, String tenant, String advisory, Instant opened, boolean closed) {
        sql(
                "INSERT INTO finding (tenant_id, machine_id, advisory_id, package_name, installed, action, state, "
                        + "opened_at, updated_at, closed_at) VALUES (?1, ?2, ?3, 'openssl', '1', 'PATCH', ?4, ?5, ?5, ?6)",
                tenant,
                machine,
                advisory,
                closed ? "PATCHED" : "OPEN",
                opened,
                closed ? opened.plusSeconds(60) : null);
    }

    private UUID damageCase(String tenant) {
        UUID id = UUID.randomUUID();
        sql(
                "INSERT INTO damage_case (id, tenant_id, state, opened_at, updated_at) VALUES (?1, ?2, 'OPEN', now(), now())",
                id,
                tenant);
        return id;
    }

    private void attack(UUID caseId, String tenant, UUID machine, String kind, Instant at) {
        sql(
                "INSERT INTO damage_event (tenant_id, case_id, machine_id, kind, at) VALUES (?1, ?2, ?3, ?4, ?5)",
                tenant,
                caseId,
                machine,
                kind,
                at);
    }

    private void sql(String statement, Object... parameters) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = entityManager.createNativeQuery(statement);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            query.executeUpdate();
        });
    }
}
