package dev.herd.portal.admission;

import static dev.herd.testing.KeycloakTokens.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.admission.MachineDiagnosed;
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
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * MachineDiagnosed after an inventory: acme's machine is covered at once by rules the filtering policy deploys for a
 * known-exploited advisory (nothing unprotected, the bundle revision carrying them); globex's filters by CVSS only, so
 * its machine waits on a proposed rule (one unprotected finding, no bundle) until globex's admin deploys it, which
 * publishes again with nothing unprotected.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class MachineDiagnosedTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ConnectionFactory connections;

    @Inject
    ObjectMapper json;

    @Inject
    PortalFixtures fixtures;

    private Subscription diagnoses;
    private Subscription bundles;

    @BeforeEach
    void advisories() {
        fixtures.reset();
        diagnoses = Subscription.to(connections, json, MachineDiagnosed.ADDRESS);
        bundles = Subscription.to(connections, json, RuleBundle.ADDRESS);
        given().auth()
                .oauth2(user("globex-admin"))
                .contentType(ContentType.JSON)
                .body("""
                        {"filtering": {"knownExploited": false, "minEmergencyLevel": 2, "minCvssScore": 7.0,
                                       "haltWhenNoRule": false},
                         "patching": {"mode": "APPROVAL_REQUIRED"}}""")
                .put("/api/tenants/globex/policy")
                .then()
                .statusCode(200);
        send(
                AdvisoryChanged.ADDRESS,
                List.of(ProtectionSample.exploited("CVE-2099-0101"), ProtectionSample.severe("CVE-2099-0102", 9.1)));
    }

    @AfterEach
    void close() {
        diagnoses.close();
        bundles.close();
    }

    @Test
    void diagnosedMachinesTellTheirOpenAndUnprotectedFindingsAndTheBundleThatProtectsThem() {
        send(
                MachineInventory.ADDRESS,
                List.of(
                        ProtectionSample.machine("acme", "acme-web1", List.of("10.0.0.1")),
                        ProtectionSample.machine("globex", "globex-web1", List.of("10.1.0.1"))));

        RuleBundle acmeBundle = bundles.next(RuleBundle.class, b -> b.tenantId().equals("acme"), WAIT);
        // Inventories of different machines are diagnosed in parallel: either may be told first.
        Map<String, MachineDiagnosed> first = new HashMap<>();
        while (first.size() < 2) {
            MachineDiagnosed next = diagnoses.next(MachineDiagnosed.class, d -> !first.containsKey(d.tenantId()), WAIT);
            first.put(next.tenantId(), next);
        }
        MachineDiagnosed acme = first.get("acme");
        assertEquals(ProtectionSample.id("acme", "acme-web1"), acme.agentId());
        assertEquals(1, acme.inventorySequence());
        assertEquals(2, acme.openFindings(), "both advisories affect openssl");
        assertEquals(0, acme.unprotectedFindings(), "the known-exploited one is filtered at once, the other patched");
        assertEquals(acmeBundle.revision(), acme.bundleRevision());
        assertTrue(acme.protectedBy(acmeBundle.revision()));
        assertFalse(acme.protectedBy(acmeBundle.revision() - 1));

        MachineDiagnosed globex = first.get("globex");
        UUID globexWeb1 = ProtectionSample.id("globex", "globex-web1");
        assertEquals(globexWeb1, globex.agentId());
        assertEquals(2, globex.openFindings());
        assertEquals(1, globex.unprotectedFindings(), "the CVSS rule is only proposed");
        assertEquals(0, globex.bundleRevision(), "no deployed rule: no bundle needed");
        assertFalse(globex.protectedBy(Long.MAX_VALUE));
        assertEquals(
                1,
                fixtures.count("SELECT count(*) FROM filter_rule WHERE tenant_id = 'globex' AND state = 'PROPOSED'"));

        // The same inventory again changes nothing and tells nothing.
        send(MachineInventory.ADDRESS, List.of(ProtectionSample.machine("globex", "globex-web1", List.of("10.1.0.1"))));
        diagnoses.none(MachineDiagnosed.class, d -> true, Duration.ofSeconds(2));

        given().auth()
                .oauth2(user("globex-admin"))
                .post("/api/tenants/globex/rules/1/deploy")
                .then()
                .statusCode(200)
                .body("state", equalTo("DEPLOYED"));
        RuleBundle globexBundle =
                bundles.next(RuleBundle.class, b -> b.tenantId().equals("globex"), WAIT);
        MachineDiagnosed released =
                diagnoses.next(MachineDiagnosed.class, d -> d.tenantId().equals("globex"), WAIT);
        assertEquals(globexWeb1, released.agentId());
        assertEquals(1, released.inventorySequence());
        assertEquals(2, released.openFindings());
        assertEquals(0, released.unprotectedFindings());
        assertEquals(globexBundle.revision(), released.bundleRevision());
        assertTrue(released.protectedBy(globexBundle.revision()));
        // acme's machine was protected already: the globex deployment tells nothing about it.
        diagnoses.none(MachineDiagnosed.class, d -> d.tenantId().equals("acme"), Duration.ofSeconds(1));

        // A newer inventory of the machine is diagnosed and told again, with its sequence.
        MachineInventory next = ProtectionSample.machine("globex", "globex-web1", List.of("10.1.0.1"));
        send(
                MachineInventory.ADDRESS,
                List.of(new MachineInventory(
                        next.tenantId(),
                        next.agentId(),
                        next.machineId(),
                        next.hostname(),
                        next.osId(),
                        next.osVersion(),
                        next.architecture(),
                        2,
                        next.kind(),
                        next.packages(),
                        next.removedPackages(),
                        next.listening(),
                        next.addresses(),
                        Instant.now())));
        MachineDiagnosed second =
                diagnoses.next(MachineDiagnosed.class, d -> d.tenantId().equals("globex"), WAIT);
        assertEquals(2, second.inventorySequence());
        assertEquals(0, second.unprotectedFindings());
        assertEquals(globexBundle.revision(), second.bundleRevision());
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
