package dev.herd.portal.diagnosis;

import static dev.herd.testing.KeycloakTokens.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.advisory.AdvisoryChanged;
import dev.herd.contracts.delivery.RuleBundle;
import dev.herd.contracts.inventory.MachineInventory;
import dev.herd.contracts.inventory.MachineInventory.ListeningPort;
import dev.herd.portal.support.DebianSample;
import dev.herd.portal.support.PortalFixtures;
import dev.herd.testing.EmbeddedArtemisResource;
import dev.herd.testing.Messages;
import dev.herd.testing.Subscription;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Exposure by index: a community advisory on tcp/443 reaches only the machines the index ({@code machine_listening})
 * lists on tcp/443 — not a machine whose stored services say 443 but which the index does not list, not a machine
 * listening on loopback or on udp/443 — and a tenant without such a machine gets no rule; the index follows a machine
 * that stops listening (its finding closes); a tenant left in the prevention queue (ADR 15) gets its rule from the next
 * drain; tenants queued together get their rules from one drain, a revision each (ADR 16); a machine that starts
 * listening joins the rule without its other machines' rows being written again; the migration's backfill gives the same index as the consumer; {@code GET
 * /api/tenants/{t}/exposure} shows a tenant its exposed machines only, and answers bad input with 400 problems.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class ExposureIndexTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ID = "HERD-COMMUNITY-443443443443";

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
        bundles = Subscription.to(connections, json, RuleBundle.ADDRESS);
        send(
                MachineInventory.ADDRESS,
                List.of(
                        machine("acme", "acme-web1", 1, new ListeningPort("tcp6", "::", 443)),
                        machine("acme", "acme-web2", 1, new ListeningPort("tcp", "10.0.0.2", 443)),
                        machine("acme", "acme-dns", 1, new ListeningPort("udp", "0.0.0.0", 443)),
                        machine("acme", "acme-local", 1, new ListeningPort("tcp", "127.0.0.1", 443)),
                        machine("globex", "globex-web1", 1, new ListeningPort("tcp", "0.0.0.0", 443)),
                        machine("initech", "initech-db1", 1, new ListeningPort("tcp", "0.0.0.0", 5432))));
        PortalFixtures.await("fleet stored", WAIT, () -> fixtures.count("SELECT count(*) FROM machine") == 6);
        // A machine whose stored services say tcp/443 but which the index does not list: exposure must not read it.
        sql("INSERT INTO machine (id, tenant_id, name, addresses, listening, last_sequence, updated_at) VALUES ("
                + "'00000000-0000-0000-0000-000000000443', 'initech', 'initech-unindexed', '[\"10.2.0.9\"]', "
                + "'[{\"protocol\": \"tcp\", \"address\": \"0.0.0.0\", \"port\": 443}]', 1, now())");
    }

    @AfterEach
    void close() {
        bundles.close();
    }

    @Test
    void aCommunityAdvisoryOnTcp443TouchesOnlyTheMachinesIndexedOnTcp443() {
        send(AdvisoryChanged.ADDRESS, List.of(community(AdvisoryChanged.Change.CREATED)));

        Set<String> tenants = new TreeSet<>();
        for (int i = 0; i < 2; i++) {
            tenants.add(bundles.next(RuleBundle.class, b -> true, WAIT).tenantId());
        }
        assertEquals(Set.of("acme", "globex"), tenants, "no bundle for initech, which has no machine on tcp/443");
        assertEquals(Set.of("acme-web1", "acme-web2", "globex-web1"), exposedByFindings());
        assertEquals(0, fixtures.count("SELECT count(*) FROM filter_rule WHERE tenant_id = 'initech'"));
        assertEquals(0, fixtures.count("SELECT count(*) FROM finding WHERE tenant_id = 'initech'"));

        // the same set through the API, for MSSP staff per tenant
        given().auth()
                .oauth2(user("herd-admin"))
                .get("/api/tenants/acme/exposure?protocol=tcp&port=443")
                .then()
                .statusCode(200)
                .body("protocol", equalTo("tcp"))
                .body("port", equalTo(443))
                .body("machines.name", containsInAnyOrderOf("acme-web1", "acme-web2"))
                .body("next", nullValue());
    }

    @Test
    void aTenantLeftInThePreventionQueueGetsItsRuleFromTheNextDrain() {
        send(AdvisoryChanged.ADDRESS, List.of(community(AdvisoryChanged.Change.CREATED)));
        for (int i = 0; i < 2; i++) {
            bundles.next(RuleBundle.class, b -> true, WAIT);
        }
        assertEquals(0, fixtures.count("SELECT count(*) FROM prevention_queue"), "the drain took every tenant queued");

        // as after a crash between the advisory's commit and the drain: acme's rule not made, acme still queued
        sql("DELETE FROM filter_rule WHERE tenant_id = 'acme' AND advisory_id = '" + ID + "'");
        sql("INSERT INTO prevention_queue (tenant_id, advisory_id, queued_at) VALUES ('acme', '" + ID + "', now())");

        assertEquals("acme", bundles.next(RuleBundle.class, b -> true, WAIT).tenantId());
        assertEquals(
                1,
                fixtures.count("SELECT count(*) FROM filter_rule WHERE tenant_id = 'acme' AND advisory_id = '" + ID
                        + "' AND state = 'DEPLOYED'"),
                "the scheduled drain made acme's rule again");
        assertEquals(0, fixtures.count("SELECT count(*) FROM prevention_queue"));
    }

    @Test
    void tenantsQueuedTogetherGetTheirRulesFromOneDrainWithOneRevisionEach() {
        send(AdvisoryChanged.ADDRESS, List.of(community(AdvisoryChanged.Change.CREATED)));
        for (int i = 0; i < 2; i++) {
            bundles.next(RuleBundle.class, b -> true, WAIT);
        }
        long acmeRevision = fixtures.count("SELECT revision FROM rule_bundle_state WHERE tenant_id = 'acme'");
        long globexRevision = fixtures.count("SELECT revision FROM rule_bundle_state WHERE tenant_id = 'globex'");
        long acmeLastRule = fixtures.count("SELECT max(number) FROM filter_rule WHERE tenant_id = 'acme'");

        // both tenants lose the rule and are queued in one transaction, as when a drain failed for both
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager
                    .createNativeQuery("DELETE FROM filter_rule WHERE advisory_id = '" + ID + "'")
                    .executeUpdate();
            entityManager
                    .createNativeQuery("INSERT INTO prevention_queue (tenant_id, advisory_id, queued_at) VALUES "
                            + "('acme', '" + ID + "', now()), ('globex', '" + ID + "', now())")
                    .executeUpdate();
        });

        RuleBundle first = bundles.next(RuleBundle.class, b -> true, WAIT);
        RuleBundle second = bundles.next(RuleBundle.class, b -> true, WAIT);
        assertEquals(Set.of("acme", "globex"), Set.of(first.tenantId(), second.tenantId()));
        assertEquals(first.generatedAt(), second.generatedAt(), "one drain made both revisions");
        RuleBundle acme = first.tenantId().equals("acme") ? first : second;
        RuleBundle globex = acme == first ? second : first;
        assertEquals(acmeRevision + 1, acme.revision());
        assertEquals(globexRevision + 1, globex.revision());
        assertEquals(acmeRevision, acme.baseRevision(), "a delta on the revision before");
        assertEquals(
                acmeLastRule + 1,
                fixtures.count("SELECT number FROM filter_rule WHERE tenant_id = 'acme' AND advisory_id = '" + ID
                        + "' AND state = 'DEPLOYED'"),
                "acme's numbers go on from where they were");
        assertEquals(
                Set.of("acme-web1", "acme-web2", "globex-web1"),
                Set.copyOf(textList("SELECT m.name FROM filter_rule_machine rm JOIN machine m ON m.id = rm.machine_id "
                        + "JOIN filter_rule r ON r.id = rm.rule_id WHERE r.advisory_id = '" + ID + "'")));
        assertEquals(0, fixtures.count("SELECT count(*) FROM prevention_queue"));
    }

    @Test
    void aMachineThatStartsListeningJoinsTheRuleWithoutRewritingItsOtherMachines() {
        send(AdvisoryChanged.ADDRESS, List.of(community(AdvisoryChanged.Change.CREATED)));
        for (int i = 0; i < 2; i++) {
            bundles.next(RuleBundle.class, b -> true, WAIT);
        }
        String rows = "SELECT rm.machine_id || '@' || rm.xmin FROM filter_rule_machine rm JOIN filter_rule r "
                + "ON r.id = rm.rule_id WHERE r.tenant_id = 'acme' AND r.advisory_id = '" + ID + "'";
        List<String> before = textList(rows);
        assertEquals(2, before.size());

        send(
                MachineInventory.ADDRESS,
                List.of(machine("acme", "acme-web3", 1, new ListeningPort("tcp", "0.0.0.0", 443))));
        PortalFixtures.await("acme-web3 in the rule", WAIT, () -> textList(rows).size() == 3);

        List<String> after = textList(rows);
        assertTrue(after.containsAll(before), "the rows of acme-web1 and acme-web2 were left as they were: " + after);
    }

    @Test
    void theIndexFollowsAMachineThatStopsListening() {
        send(AdvisoryChanged.ADDRESS, List.of(community(AdvisoryChanged.Change.CREATED)));
        PortalFixtures.await("findings opened", WAIT, () -> exposedByFindings().size() == 3);

        send(
                MachineInventory.ADDRESS,
                List.of(machine("acme", "acme-web2", 2, new ListeningPort("tcp", "0.0.0.0", 22))));
        PortalFixtures.await(
                "acme-web2 off tcp/443 in the index",
                WAIT,
                () -> fixtures.count("SELECT count(*) FROM machine_listening WHERE machine_id = '"
                                + machineId("acme", "acme-web2") + "' AND protocol = 'tcp' AND port = 443")
                        == 0);
        assertEquals(
                1,
                fixtures.count("SELECT count(*) FROM machine_listening WHERE machine_id = '"
                        + machineId("acme", "acme-web2") + "' AND protocol = 'tcp' AND port = 22"));
        PortalFixtures.await(
                "its finding closed", WAIT, () -> exposedByFindings().equals(Set.of("acme-web1", "globex-web1")));
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/exposure?protocol=any&port=443")
                .then()
                .statusCode(200)
                .body("protocol", equalTo("any"))
                .body("machines.name", containsInAnyOrderOf("acme-dns", "acme-web1"));

        // the withdrawal reaches the machines with findings, whatever the index says now
        send(AdvisoryChanged.ADDRESS, List.of(community(AdvisoryChanged.Change.WITHDRAWN)));
        PortalFixtures.await(
                "every finding closed", WAIT, () -> exposedByFindings().isEmpty());
        assertTrue(
                fixtures.count("SELECT count(*) FROM finding WHERE advisory_id = '" + ID + "' AND state = 'WITHDRAWN'")
                        >= 2);
    }

    @Test
    void theMigrationsBackfillGivesTheIndexTheConsumerKeeps() throws IOException {
        send(
                MachineInventory.ADDRESS,
                List.of(machine(
                        "acme",
                        "acme-mixed",
                        1,
                        new ListeningPort("TCP6", "[::]", 8443),
                        new ListeningPort("udp6", "::", 53),
                        new ListeningPort("sctp", "0.0.0.0", 3868),
                        new ListeningPort("tcp", "127.0.0.53", 53),
                        new ListeningPort("tcp", "localhost", 631),
                        new ListeningPort("tcp", "[::1]", 25),
                        new ListeningPort("tcp", null, 80),
                        new ListeningPort("tcp", "0.0.0.0", 80))));
        PortalFixtures.await(
                "acme-mixed indexed",
                WAIT,
                () -> fixtures.count("SELECT count(*) FROM machine_listening WHERE port = 8443") == 1);
        String rows = "SELECT string_agg(machine_id || ' ' || tenant_id || ' ' || protocol || '/' || port, ', ' "
                + "ORDER BY machine_id, protocol, port) FROM machine_listening WHERE machine_id <> "
                + "'00000000-0000-0000-0000-000000000443'";
        String kept = text(rows);
        assertTrue(kept.contains(machineId("acme", "acme-mixed") + " acme tcp/80, "), kept);
        assertTrue(kept.contains(machineId("acme", "acme-mixed") + " acme udp/53"), kept);
        assertTrue(!kept.contains("/25") && !kept.contains("/631") && !kept.contains("3868"), kept);

        String migration;
        try (InputStream in = getClass().getResourceAsStream("/db/migration/V16__machine_listening.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String backfill = migration.substring(migration.indexOf("INSERT INTO machine_listening"));
        sql("DELETE FROM machine_listening");
        sql(backfill.substring(0, backfill.lastIndexOf(';')));
        // the unindexed machine of the fleet is indexed by the backfill; everything else is as the consumer kept it
        assertEquals(kept, text(rows));
        assertEquals(
                1,
                fixtures.count("SELECT count(*) FROM machine_listening WHERE machine_id = "
                        + "'00000000-0000-0000-0000-000000000443' AND protocol = 'tcp' AND port = 443"));
    }

    @ParameterizedTest
    @CsvSource({
        "protocol=tcp&port=70000, port-invalid, port",
        "protocol=tcp&port=-1, port-invalid, port",
        "protocol=tcp&port=https, port-invalid, port",
        "protocol=tcp, port-invalid, port",
        "protocol=icmp&port=443, protocol-invalid, protocol",
        "port=443, protocol-invalid, protocol",
        "protocol=tcp&port=443&after=nope, after-invalid, after",
        "protocol=tcp&port=443&size=0, size-invalid, size",
    })
    void badInputIsAProblemNamingItsParameter(String query, String code, String field) {
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/exposure?" + query)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo(code))
                .body("errors[0].field", equalTo(field));
    }

    @Test
    void anotherTenantsCallerSeesNoneOfItsExposure() {
        given().auth()
                .oauth2(user("globex-admin"))
                .get("/api/tenants/acme/exposure?protocol=tcp&port=443")
                .then()
                .statusCode(403)
                .body("code", equalTo("tenant-access-denied"))
                .body(not(containsString("acme-web")));
        given().auth()
                .oauth2(user("globex-admin"))
                .get("/api/tenants/globex/exposure?protocol=tcp&port=443")
                .then()
                .statusCode(200)
                .body("machines", hasSize(1))
                .body("machines[0].name", equalTo("globex-web1"))
                .body("machines[0].listening", equalTo(List.of("tcp/443")));
        given().get("/api/tenants/acme/exposure?protocol=tcp&port=443").then().statusCode(401);
    }

    @Test
    void pagesWalkEveryExposedMachineOnce() {
        Set<String> seen = new TreeSet<>();
        String after = "";
        for (int page = 0; page < 5 && after != null; page++) {
            var body = given().auth()
                    .oauth2(user("acme-admin"))
                    .get("/api/tenants/acme/exposure?protocol=any&port=443&size=1" + after)
                    .then()
                    .statusCode(200)
                    .body("machines", hasSize(org.hamcrest.Matchers.lessThanOrEqualTo(1)))
                    .extract()
                    .jsonPath();
            List<String> names = body.getList("machines.name");
            assertTrue(names.stream().allMatch(seen::add), "seen twice: " + names);
            String next = body.getString("next");
            after = next == null ? null : "&after=" + next;
        }
        assertEquals(Set.of("acme-web1", "acme-web2", "acme-dns"), seen);
    }

    private static org.hamcrest.Matcher<Iterable<? extends String>> containsInAnyOrderOf(String... names) {
        return org.hamcrest.Matchers.containsInAnyOrder(names);
    }

    private List<String> textList(String query) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object> rows = entityManager.createNativeQuery(query).getResultList();
            return rows.stream().map(String::valueOf).toList();
        });
    }

    private Set<String> exposedByFindings() {
        return new TreeSet<>(QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> names = entityManager
                    .createNativeQuery("SELECT m.name FROM finding f JOIN machine m ON m.id = f.machine_id "
                            + "WHERE f.advisory_id = '" + ID + "' AND f.closed_at IS NULL")
                    .getResultList();
            return names;
        }));
    }

    private static AdvisoryChanged community(AdvisoryChanged.Change change) {
        return new AdvisoryChanged(
                ID,
                change,
                true,
                change != AdvisoryChanged.Change.WITHDRAWN,
                change != AdvisoryChanged.Change.WITHDRAWN ? 3 : 0,
                List.of(),
                Instant.now(),
                "Damage seen in the wild: signature on tcp/443",
                null,
                null,
                List.of(ID),
                List.of(),
                List.of(new AdvisoryChanged.Mitigation(
                        "tcp", 443, null, "GET /cgi-bin/.%2e/.%2e/bin/sh", "payload signature", null)),
                List.of());
    }

    private static MachineInventory machine(String tenant, String name, long sequence, ListeningPort... listening) {
        return new MachineInventory(
                tenant,
                machineId(tenant, name),
                name,
                name,
                "debian",
                "12",
                "amd64",
                sequence,
                MachineInventory.Kind.FULL,
                List.of(new MachineInventory.PackageRef("bash", "5.2.15-2+b2", "amd64", "bash", "5.2.15-2")),
                List.of(),
                List.of(listening),
                List.of("10.9.0." + Math.abs(name.hashCode() % 250)),
                Instant.now());
    }

    private static UUID machineId(String tenant, String name) {
        return DebianSample.machineId(tenant, name);
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager.createNativeQuery(statement).executeUpdate());
    }

    private String text(String query) {
        return QuarkusTransaction.requiringNew()
                .call(() ->
                        String.valueOf(entityManager.createNativeQuery(query).getSingleResult()));
    }

    private void send(String address, List<?> payloads) {
        Messages.send(connections, json, address, payloads);
    }
}
