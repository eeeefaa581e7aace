package dev.herd.portal.ui;

import static dev.herd.testing.KeycloakTokens.user;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.portal.patch.PatchPlanService;
import dev.herd.portal.support.PortalFixtures;
import dev.herd.testing.EmbeddedArtemisResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The topology page's map: machines in their segments, their worst open hole, liveness and isolation marks. */
@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class TopologyMapServiceTest {

    @Inject
    PortalFixtures fixtures;

    @Inject
    ConnectionFactory connections;

    @Inject
    ObjectMapper json;

    @Inject
    PatchPlanService plans;

    @Inject
    TopologyMapService maps;

    @BeforeEach
    void fleet() {
        UiSample.fleet(fixtures, connections, json, plans);
        given().auth()
                .oauth2(user("acme-admin"))
                .contentType(ContentType.JSON)
                .body("""
                        {"segments": [{"id": "dmz", "name": "DMZ", "cidrs": ["10.0.0.0/24"]},
                                      {"id": "office", "name": "Office", "cidrs": ["10.9.0.0/16"]}],
                         "devices": [{"id": "fw1", "name": "Edge firewall", "kind": "nftables",
                                      "segments": ["dmz"]}]}""")
                .put("/api/tenants/acme/topology")
                .then()
                .statusCode(200);
    }

    @Test
    void machinesSitInTheirSegmentWithTheirWorstOpenHoleAndTheirDetectorsLiveness() {
        fixtures.execute("INSERT INTO detector_seen (agent_id, tenant_id, last_seen_at) SELECT id, tenant_id, now() "
                + "FROM machine WHERE name = 'acme-web1'");
        TopologyMap map = maps.of("acme", Instant.now());

        assertEquals(2, map.segments().size());
        assertEquals("fw1", map.devices().getFirst().id());
        Map<String, TopologyMap.Machine> machines = byName(map);
        assertEquals(2, machines.size(), "only acme's machines: " + machines.keySet());
        assertFalse(machines.containsKey("globex-web1"));
        assertEquals(2, map.machinesTotal());
        assertFalse(map.truncated());

        String severity = fixtures.text("SELECT severity FROM advisory WHERE id = 'CVE-2099-0131'");
        for (TopologyMap.Machine m : machines.values()) {
            assertEquals("dmz", m.segment(), m.machine().name());
            assertEquals(
                    severity.toLowerCase(Locale.ROOT),
                    m.machine().worstHole(),
                    m.machine().name());
            assertNull(m.isolated());
        }
        assertTrue(machines.get("acme-web1").machine().alive());
        assertFalse(machines.get("acme-web2").machine().alive(), "never seen counts as silent");
    }

    @Test
    void aMachineWithoutOpenFindingsHasNoHoleAndOneOutsideEverySegmentHasNoSegment() {
        fixtures.execute("UPDATE finding SET state = 'PATCHED', closed_at = now() WHERE tenant_id = 'acme' AND "
                + "machine_id = (SELECT id FROM machine WHERE name = 'acme-web2')");
        fixtures.execute("UPDATE machine SET addresses = '[\"192.168.7.7\"]' WHERE name = 'acme-web2'");
        Map<String, TopologyMap.Machine> machines = byName(maps.of("acme", Instant.now()));

        assertEquals("none", machines.get("acme-web2").machine().worstHole());
        assertNull(machines.get("acme-web2").segment());
        assertEquals("dmz", machines.get("acme-web1").segment());
    }

    @Test
    void anActiveCaseMarksItsIsolationPointItsSegmentsAndTheirMachines() {
        fixtures.execute("INSERT INTO damage_case (id, tenant_id, state, opened_at, updated_at, damage_range, "
                + "isolation_point, mode) VALUES (gen_random_uuid(), 'acme', 'OPEN', now(), now(), '[\"dmz\"]', "
                + "'fw1', 'COMPLETE')");
        TopologyMap map = maps.of("acme", Instant.now());

        assertEquals("COMPLETE", map.devices().getFirst().isolating());
        assertEquals(
                "COMPLETE",
                map.segments().stream()
                        .filter(s -> s.id().equals("dmz"))
                        .findFirst()
                        .orElseThrow()
                        .isolated());
        assertNull(map.segments().stream()
                .filter(s -> s.id().equals("office"))
                .findFirst()
                .orElseThrow()
                .isolated());
        assertEquals("COMPLETE", byName(map).get("acme-web1").isolated());
        // globex has no case: nothing of acme's case shows there
        assertNull(maps.of("globex", Instant.now()).activeCase());
    }

    @Test
    void aDamagedMachineIsMarkedAndIsolatedInTheCasesModeWhereverItsSegmentIs() {
        String caseId = "7d6c2b1e-0000-4000-8000-000000000013";
        fixtures.execute("INSERT INTO damage_case (id, tenant_id, state, opened_at, updated_at, damage_range, "
                + "isolation_point, mode) VALUES ('" + caseId + "', 'acme', 'OPEN', now(), now(), '[\"office\"]', "
                + "'fw1', 'RATE_LIMIT')");
        fixtures.execute("INSERT INTO damage_event (tenant_id, case_id, machine_id, kind, indicator, at) SELECT "
                + "'acme', '" + caseId + "', id, 'SIGNATURE', 'probe', now() FROM machine WHERE name = 'acme-web2'");
        Map<String, TopologyMap.Machine> machines = byName(maps.of("acme", Instant.now()));

        assertTrue(machines.get("acme-web2").damaged());
        assertEquals("RATE_LIMIT", machines.get("acme-web2").isolated(), "damaged, though dmz is not in the range");
        assertFalse(machines.get("acme-web1").damaged());
        assertNull(machines.get("acme-web1").isolated());

        // without an isolation point the damaged machine is marked, not isolated
        fixtures.execute("UPDATE damage_case SET isolation_point = NULL, mode = NULL WHERE id = '" + caseId + "'");
        machines = byName(maps.of("acme", Instant.now()));
        assertTrue(machines.get("acme-web2").damaged());
        assertNull(machines.get("acme-web2").isolated());
        // another tenant's map shows nothing of it
        assertTrue(maps.of("globex", Instant.now()).machines().stream().noneMatch(TopologyMap.Machine::damaged));
    }

    private static Map<String, TopologyMap.Machine> byName(TopologyMap map) {
        return map.machines().stream().collect(Collectors.toMap(m -> m.machine().name(), Function.identity()));
    }
}
