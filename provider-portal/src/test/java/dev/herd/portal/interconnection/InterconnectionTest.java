package dev.herd.portal.interconnection;

import static dev.herd.testing.KeycloakTokens.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.delivery.RuleBundle;
import dev.herd.portal.damage.DamageSample;
import dev.herd.portal.support.PortalFixtures;
import dev.herd.portal.support.RuleBundles;
import dev.herd.testing.EmbeddedArtemisResource;
import dev.herd.testing.Subscription;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Interconnection rules (DESIGN §3.6): acme drops globex's traffic while globex's risk deviation is above acme's
 * threshold, as a filter rule in acme's real rule bundle, and lets it in again when the score falls.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class InterconnectionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PATH = "/api/tenants/{t}/interconnections";

    @Inject
    ConnectionFactory connections;

    @Inject
    ObjectMapper json;

    @Inject
    PortalFixtures fixtures;

    @Inject
    EntityManager entityManager;

    private Subscription bundles;

    @BeforeEach
    void fleet() {
        fixtures.reset();
        for (String tenant : List.of("acme", "globex")) {
            sql("INSERT INTO tenant (id, display_name) VALUES (?1, ?1) ON CONFLICT (id) DO NOTHING", tenant);
        }
        bundles = Subscription.to(connections, json, RuleBundle.ADDRESS);
        DamageSample.fleet(connections, json, fixtures);
    }

    @AfterEach
    void close() {
        bundles.close();
    }

    @Test
    void partnerAboveTheRiskThresholdIsDroppedUntilItsScoreFalls() throws Exception {
        // globex is the only tenant with attacks: its risk deviation is 50 + 10·sqrt(n − 1) ≥ 60 for n tenants
        UUID caseId = UUID.randomUUID();
        sql(
                "INSERT INTO damage_case (id, tenant_id, state, opened_at, updated_at) "
                        + "VALUES (?1, 'globex', 'OPEN', now(), now())",
                caseId);
        sql(
                "INSERT INTO damage_event (tenant_id, case_id, machine_id, kind, at) VALUES ('globex', ?1, ?2, "
                        + "'SIGNATURE', ?3)",
                caseId,
                DamageSample.id("globex", "globex-web1"),
                Instant.now().minus(Duration.ofDays(40)));

        given().auth()
                .oauth2(user("acme-admin"))
                .contentType(ContentType.JSON)
                .body(List.of(policy("globex", null, 55.0, false)))
                .put(PATH, "acme")
                .then()
                .statusCode(200)
                .body("[0].partner", equalTo("globex"))
                .body("[0].decision", equalTo("DENY"))
                .body("[0].reason", containsString("risk deviation"))
                .body("[0].reason", containsString("exceeds 55.0"));

        RuleBundle denied = bundles.next(
                RuleBundle.class,
                b -> b.tenantId().equals("acme")
                        && RuleBundles.named(b).stream()
                                .anyMatch(r -> r.advisoryId().startsWith("INTERCONNECTION-")),
                WAIT);
        RuleBundle.Rule rule = RuleBundles.named(denied).stream()
                .filter(r -> r.advisoryId().equals("INTERCONNECTION-globex"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no interconnection rule in " + RuleBundles.named(denied)));
        assertEquals(InterconnectionRules.FIRST_NUMBER + 1, rule.number());
        assertEquals("DROP", rule.action());
        assertTrue(rule.machines().contains("acme-web1"), rule.machines()::toString);
        String nftables = denied.nftables();
        assertTrue(nftables.contains("10.1.0.1"), nftables);
        assertTrue(nftables.contains("10.0.0.1"), nftables);
        assertTrue(nftables.contains("chain r900001"), nftables);
        // a delta is only valid on top of the revision before it: check the full ruleset it makes
        nftCheck(RuleBundles.currentNftables("acme"));
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/rule-bundle")
                .then()
                .statusCode(200)
                .body("bundle.revision", equalTo((int) denied.revision()))
                .body("bundle.rules.advisoryId", hasItem("INTERCONNECTION-globex"));

        // the policy re-evaluated with nothing changed publishes nothing new
        given().auth()
                .oauth2(user("herd-admin"))
                .contentType(ContentType.JSON)
                .body(List.of(policy("globex", null, 55.0, false)))
                .put(PATH, "acme")
                .then()
                .statusCode(200);
        bundles.none(RuleBundle.class, b -> b.tenantId().equals("acme"), Duration.ofSeconds(3));

        // the attacks are gone: every risk index is 0, every deviation 50, and the scheduler lets globex in again
        sql("DELETE FROM damage_event WHERE tenant_id = 'globex'");
        RuleBundle allowed = bundles.next(RuleBundle.class, b -> b.tenantId().equals("acme"), WAIT);
        assertTrue(allowed.revision() > denied.revision());
        assertTrue(RuleBundles.named(allowed).stream()
                .noneMatch(r -> r.advisoryId().startsWith("INTERCONNECTION-")));
        assertTrue(!allowed.nftables().contains("10.1.0.1"), allowed.nftables());
        String now = RuleBundles.currentNftables("acme");
        assertTrue(!now.contains("10.1.0.1") && !now.contains("r900001"), now);
        nftCheck(now);
        given().auth()
                .oauth2(user("acme-viewer"))
                .get(PATH, "acme")
                .then()
                .statusCode(200)
                .body("[0].decision", equalTo("ALLOW"))
                .body("[0].reason", containsString("risk deviation 50.0"))
                .body("[0].reason", not(containsString("globex-web1")));
    }

    @Test
    void badInputOtherTenantsAndViewersAreRefused() {
        sql("INSERT INTO tenant (id, display_name) VALUES ('initech', 'Initech') ON CONFLICT (id) DO NOTHING");
        put("acme-admin", "acme", List.of(policy("nobody", 60.0, null, false)))
                .statusCode(400)
                .body("code", equalTo("interconnection-unknown-partner"));
        put("acme-admin", "acme", List.of(policy("acme", 60.0, null, false)))
                .statusCode(400)
                .body("code", equalTo("interconnection-self"));
        put("acme-admin", "acme", List.of(policy("globex", 150.0, null, false)))
                .statusCode(400)
                .body("code", equalTo("interconnection-threshold"));
        put("acme-admin", "acme", List.of(policy("globex", null, -1.0, false)))
                .statusCode(400)
                .body("code", equalTo("interconnection-threshold"));
        put("acme-admin", "acme", List.of(policy("globex", 60.0, null, false), policy("globex", 70.0, null, false)))
                .statusCode(400)
                .body("code", equalTo("interconnection-duplicate"));
        put("acme-admin", "globex", List.of(policy("acme", 60.0, null, false)))
                .statusCode(403)
                .body("code", equalTo("tenant-access-denied"));
        put("acme-viewer", "acme", List.of(policy("globex", 60.0, null, false))).statusCode(403);
        given().auth().oauth2(user("globex-admin")).get(PATH, "acme").then().statusCode(403);

        put("acme-admin", "acme", List.of(policy("initech", 100.0, 100.0, true)))
                .statusCode(200)
                .body("[0].partner", equalTo("initech"))
                .body("[0].decision", equalTo("DENY"))
                .body("[0].reason", containsString("cannot be trusted"));
        given().auth()
                .oauth2(user("acme-viewer"))
                .get(PATH, "acme")
                .then()
                .statusCode(200)
                .body("[0].requireTrusted", equalTo(true))
                .body("[0].maxRiskDeviation", equalTo(100.0f));
        given().auth()
                .oauth2(user("globex-admin"))
                .get(PATH, "globex")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    private static io.restassured.response.ValidatableResponse put(String who, String tenant, Object body) {
        return given().auth()
                .oauth2(user(who))
                .contentType(ContentType.JSON)
                .body(body)
                .put(PATH, tenant)
                .then();
    }

    private static Map<String, Object> policy(String partner, Double vulnerability, Double risk, boolean trusted) {
        Map<String, Object> policy = new HashMap<>();
        policy.put("partner", partner);
        policy.put("maxVulnerabilityDeviation", vulnerability);
        policy.put("maxRiskDeviation", risk);
        policy.put("requireTrusted", trusted);
        return policy;
    }

    /** {@code nft -c -f}: the real nftables parser and kernel check, nothing committed. */
    private static void nftCheck(String ruleset) throws IOException, InterruptedException {
        Path file = Files.createTempFile("herd-interconnection-", ".nft");
        try {
            Files.writeString(file, ruleset, StandardCharsets.UTF_8);
            Process nft = new ProcessBuilder("/usr/sbin/nft", "-c", "-f", file.toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(nft.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, nft.waitFor(), () -> "nft -c rejected the ruleset:\n" + output + "\n" + ruleset);
        } finally {
            Files.deleteIfExists(file);
        }
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
