package dev.herd.portal.rules;

import static dev.herd.testing.KeycloakTokens.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.advisory.AdvisoryChanged;
import dev.herd.contracts.delivery.RuleBundle;
import dev.herd.contracts.inventory.MachineInventory;
import dev.herd.portal.support.PortalFixtures;
import dev.herd.portal.support.ProtectionSample;
import dev.herd.testing.EmbeddedArtemisResource;
import dev.herd.testing.Messages;
import dev.herd.testing.Subscription;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Filter rules from findings to bundles: a known-exploited advisory affecting two acme machines and one globex
 * machine gives each tenant its own rules, deployed at once, in its own bundle that the real nft accepts; a rule
 * proposed by the CVSS threshold waits for a tenant admin; tenants never see each other's rules.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class RuleLifecycleTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ConnectionFactory connections;

    @Inject
    ObjectMapper json;

    @Inject
    PortalFixtures fixtures;

    private Subscription bundles;

    @BeforeEach
    void fleet() {
        fixtures.reset();
        bundles = Subscription.to(connections, json, RuleBundle.ADDRESS);
        send(
                MachineInventory.ADDRESS,
                List.of(
                        ProtectionSample.machine("acme", "acme-web1", List.of("10.0.0.1")),
                        ProtectionSample.machine("acme", "acme-web2", List.of("10.0.0.2", "fd00::2")),
                        ProtectionSample.machine("globex", "globex-web1", List.of("10.1.0.1"))));
    }

    @AfterEach
    void close() {
        bundles.close();
    }

    @Test
    void knownExploitedAdvisoryDeploysRulesAtOnceInEachTenantsOwnBundle() {
        send(AdvisoryChanged.ADDRESS, List.of(ProtectionSample.exploited("CVE-2099-0001")));

        // One drain publishes both tenants' bundles, in no promised order: take them as they come.
        Map<String, RuleBundle> published = new HashMap<>();
        while (published.size() < 2) {
            RuleBundle next = bundles.next(RuleBundle.class, b -> !published.containsKey(b.tenantId()), WAIT);
            published.put(next.tenantId(), next);
        }
        RuleBundle acme = published.get("acme");
        assertEquals(1, acme.revision());
        assertEquals(2, acme.rules().size());
        acme.rules().forEach(r -> assertEquals(List.of("acme-web1", "acme-web2"), r.machines()));
        assertTrue(acme.nftables().contains("10.0.0.1") && acme.nftables().contains("fd00::2"), acme.nftables());
        assertFalse(acme.nftables().contains("10.1.0.1"), "acme's bundle names no globex address");
        assertTrue(acme.suricata().contains("HEARTBLEED") && acme.suricata().contains("sid:9000002"), acme.suricata());
        Nft.assumeNft();
        Nft.assertAccepted(acme.nftables());

        RuleBundle globex = published.get("globex");
        assertEquals(1, globex.revision());
        globex.rules().forEach(r -> assertEquals(List.of("globex-web1"), r.machines()));
        assertFalse(globex.nftables().contains("10.0.0."), "globex's bundle names no acme address");

        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/rules")
                .then()
                .statusCode(200)
                .body("number", contains(1, 2))
                .body("state", everyItem(equalTo("DEPLOYED")))
                .body("advisoryId", everyItem(equalTo("CVE-2099-0001")))
                .body("[0].protocol", equalTo("tcp"))
                .body("[0].port", equalTo(443))
                .body("[1].signature", containsString("HEARTBLEED"))
                .body("[0].machines.name", contains("acme-web1", "acme-web2"))
                .body("[0].unprotected", hasSize(0));
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/findings")
                .then()
                .statusCode(200)
                .body("$", hasSize(2))
                .body("state", everyItem(equalTo("MITIGATED")));
        given().auth()
                .oauth2(user("acme-admin"))
                .get("/api/tenants/acme/rule-bundle")
                .then()
                .statusCode(200)
                .body("bundle.revision", equalTo(1))
                .body("bundle.nftables", containsString("jump r1"));
        given().auth()
                .oauth2(user("globex-admin"))
                .get("/api/tenants/globex/rules/1")
                .then()
                .statusCode(200)
                .body("machines.name", contains("globex-web1"));
        given().auth()
                .oauth2(user("globex-admin"))
                .get("/api/tenants/globex/findings")
                .then()
                .statusCode(200)
                .body("state", contains("MITIGATED"));
    }

    @Test
    void ruleProposedByTheCvssThresholdWaitsForAnAdminAndWithdrawsByHand() {
        given().auth()
                .oauth2(user("acme-admin"))
                .contentType(ContentType.JSON)
                .body("""
                        {"filtering": {"knownExploited": true, "minEmergencyLevel": 2, "minCvssScore": 7.0,
                                       "haltWhenNoRule": false},
                         "patching": {"mode": "APPROVAL_REQUIRED"}}""")
                .put("/api/tenants/acme/policy")
                .then()
                .statusCode(200);
        send(AdvisoryChanged.ADDRESS, List.of(ProtectionSample.severe("CVE-2099-0002", 9.1)));
        PortalFixtures.await(
                "rule proposed",
                WAIT,
                () -> fixtures.count("SELECT count(*) FROM filter_rule WHERE tenant_id = 'acme'") == 1);
        given().auth()
                .oauth2(user("acme-admin"))
                .get("/api/tenants/acme/rules?state=proposed")
                .then()
                .statusCode(200)
                .body("number", contains(1))
                .body("[0].protocol", equalTo("udp"))
                .body("[0].port", equalTo(161));
        given().auth()
                .oauth2(user("acme-admin"))
                .get("/api/tenants/acme/rule-bundle")
                .then()
                .statusCode(404);
        assertEquals(0, fixtures.count("SELECT count(*) FROM finding WHERE tenant_id = 'acme' AND state <> 'OPEN'"));

        given().auth()
                .oauth2(user("acme-viewer"))
                .post("/api/tenants/acme/rules/1/deploy")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(user("acme-admin"))
                .post("/api/tenants/acme/rules/1/deploy")
                .then()
                .statusCode(200)
                .body("state", equalTo("DEPLOYED"))
                .body("reason", containsString("deployed by"));
        RuleBundle deployed = bundles.next(RuleBundle.class, b -> b.tenantId().equals("acme"), WAIT);
        assertEquals(1, deployed.revision());
        assertTrue(deployed.nftables().contains("udp dport 161"), deployed.nftables());
        assertEquals(
                2, fixtures.count("SELECT count(*) FROM finding WHERE tenant_id = 'acme' AND state = 'MITIGATED'"));
        given().auth()
                .oauth2(user("acme-admin"))
                .post("/api/tenants/acme/rules/1/deploy")
                .then()
                .statusCode(409)
                .body("code", equalTo("rule-not-proposed"));

        given().auth()
                .oauth2(user("acme-admin"))
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"SNMP is needed for monitoring\"}")
                .post("/api/tenants/acme/rules/1/withdraw")
                .then()
                .statusCode(200)
                .body("state", equalTo("WITHDRAWN"))
                .body("reason", containsString("SNMP is needed"));
        RuleBundle withdrawn = bundles.next(RuleBundle.class, b -> b.tenantId().equals("acme"), WAIT);
        assertEquals(2, withdrawn.revision());
        assertEquals(List.of(), withdrawn.rules());
        assertEquals(List.of(1), withdrawn.changes().withdrawn(), "a delta that withdraws rule 1");
        assertFalse(withdrawn.nftables().contains("jump r1"), withdrawn.nftables());
        assertEquals(2, fixtures.count("SELECT count(*) FROM finding WHERE tenant_id = 'acme' AND state = 'OPEN'"));
        given().auth()
                .oauth2(user("acme-admin"))
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"again\"}")
                .post("/api/tenants/acme/rules/1/withdraw")
                .then()
                .statusCode(409)
                .body("code", equalTo("rule-withdrawn"));
        // a rule withdrawn by hand is not proposed again when its findings change
        send(AdvisoryChanged.ADDRESS, List.of(ProtectionSample.severe("CVE-2099-0002", 9.2)));
        PortalFixtures.await(
                "advisory update consumed", WAIT, () -> fixtures.count("SELECT count(*) FROM consumed_message") == 5);
        assertEquals(1, fixtures.count("SELECT count(*) FROM filter_rule WHERE tenant_id = 'acme'"));
    }

    @Test
    void machineWithoutAddressesIsListedUnprotectedAndLeftOutOfTheBundle() {
        send(MachineInventory.ADDRESS, List.of(ProtectionSample.machine("acme", "acme-bare", List.of("not-an-ip"))));
        send(AdvisoryChanged.ADDRESS, List.of(ProtectionSample.exploited("CVE-2099-0003")));
        RuleBundle acme = bundles.next(RuleBundle.class, b -> b.tenantId().equals("acme"), WAIT);
        acme.rules().forEach(r -> assertEquals(List.of("acme-web1", "acme-web2"), r.machines()));
        given().auth()
                .oauth2(user("acme-admin"))
                .get("/api/tenants/acme/rules/1")
                .then()
                .statusCode(200)
                .body("machines.name", containsInAnyOrder("acme-web1", "acme-web2"))
                .body("unprotected", contains("acme-bare"));
        given().auth()
                .oauth2(user("acme-admin"))
                .get("/api/tenants/acme/findings?machine=acme-bare")
                .then()
                .statusCode(200)
                .body("state", contains("OPEN"));
        Nft.assumeNft();
        Nft.assertAccepted(acme.nftables());
    }

    @Test
    void badInputAndOtherTenants() {
        send(AdvisoryChanged.ADDRESS, List.of(ProtectionSample.exploited("CVE-2099-0004")));
        PortalFixtures.await(
                "rules deployed",
                WAIT,
                () -> fixtures.count("SELECT count(*) FROM filter_rule WHERE state = 'DEPLOYED'") == 4);
        given().auth()
                .oauth2(user("acme-admin"))
                .get("/api/tenants/acme/rules/99")
                .then()
                .statusCode(404)
                .body("code", equalTo("rule-not-found"));
        given().auth()
                .oauth2(user("acme-admin"))
                .post("/api/tenants/acme/rules/99/deploy")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(user("acme-admin"))
                .get("/api/tenants/acme/rules?state=sleeping")
                .then()
                .statusCode(400)
                .body("code", equalTo("state-invalid"));
        for (String path : List.of("/rules", "/rules/1", "/rule-bundle")) {
            given().auth()
                    .oauth2(user("acme-viewer"))
                    .get("/api/tenants/globex" + path)
                    .then()
                    .statusCode(403)
                    .body("code", equalTo("tenant-access-denied"));
        }
        given().auth()
                .oauth2(user("acme-admin"))
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"not mine\"}")
                .post("/api/tenants/globex/rules/1/withdraw")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(user("acme-admin"))
                .contentType(ContentType.JSON)
                .body("{\"reason\": \" \"}")
                .post("/api/tenants/acme/rules/1/withdraw")
                .then()
                .statusCode(400);
        given().get("/api/tenants/acme/rules").then().statusCode(401);
        given().auth()
                .oauth2(user("herd-admin"))
                .get("/api/tenants/globex/rules")
                .then()
                .statusCode(200)
                .body("$", hasSize(2))
                .body("machines.name.flatten()", not(contains("acme-web1")));
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
