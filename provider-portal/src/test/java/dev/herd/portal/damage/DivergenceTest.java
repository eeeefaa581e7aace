package dev.herd.portal.damage;

import static dev.herd.testing.KeycloakTokens.user;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.isolation.IsolationOrder;
import dev.herd.contracts.monitor.MonitorRecords;
import dev.herd.contracts.monitor.MonitorRecords.FlowRecord;
import dev.herd.portal.support.PortalFixtures;
import dev.herd.testing.EmbeddedArtemisResource;
import dev.herd.testing.Messages;
import dev.herd.testing.Subscription;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Communication profiles against a crafted baseline: three 5-minute windows to the same two servers, then a window
 * that goes elsewhere. A machine talking to new destinations only diverges by 1; one sending half its flows to a new
 * destination diverges by the Jensen-Shannon value computed here; one keeping its habits does not diverge. Above the
 * tenant's threshold the machine is abnormal: divergence only, so RATE_LIMIT at the DMZ firewall.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class DivergenceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int WINDOW = 300;

    @Inject
    ConnectionFactory connections;

    @Inject
    ObjectMapper json;

    @Inject
    PortalFixtures fixtures;

    private Subscription orders;

    @BeforeEach
    void network() {
        fixtures.reset();
        orders = Subscription.to(connections, json, IsolationOrder.ADDRESS);
        DamageSample.fleet(connections, json, fixtures);
        given().auth()
                .oauth2(user("acme-admin"))
                .contentType(ContentType.JSON)
                .body(DamageSample.topology())
                .put("/api/tenants/acme/topology")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(user("herd-admin"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "threshold",
                        0.3,
                        "profileWindowSeconds",
                        WINDOW,
                        "baselineWindows",
                        12,
                        "spreadWindowSeconds",
                        3600,
                        "modes",
                        Map.of("spreading", "COMPLETE", "signature", "DROP_SIGNATURE", "divergence", "RATE_LIMIT"),
                        "rateLimitPerSecond",
                        50))
                .put("/api/tenants/acme/damage-settings")
                .then()
                .statusCode(200);
    }

    @AfterEach
    void close() {
        orders.close();
    }

    @Test
    void divergingProfilesAreAbnormalAboveTheThreshold() {
        Instant t0 = DamageSample.start();
        // web1 leaves its servers for three unknown addresses; web2 sends half its flows to one new address.
        send("acme-web1", "10.0.0.1", t0, List.of("198.51.100.1", "198.51.100.2", "198.51.100.3", "198.51.100.3"));
        send("acme-web2", "10.0.0.2", t0, List.of("10.0.0.50", "10.0.0.51", "198.51.100.9", "198.51.100.9"));
        send("acme-web3", "10.0.0.3", t0, List.of("10.0.0.50", "10.0.0.51", "10.0.0.51", "10.0.0.50"));

        IsolationOrder order =
                orders.next(IsolationOrder.class, o -> o.tenantId().equals("acme"), WAIT);
        assertEquals(IsolationOrder.Mode.RATE_LIMIT, order.mode());
        assertEquals("fw-dmz", order.isolationPoint());
        assertEquals(50, order.rateLimitPerSecond());
        assertNull(order.signature());

        PortalFixtures.await(
                "two divergence events",
                WAIT,
                () -> fixtures.count("SELECT count(*) FROM damage_event WHERE kind = 'DIVERGENCE'") == 2);
        JsonPath cases = given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/damage-cases")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of("DIVERGENCE", "DIVERGENCE"), cases.getList("[0].events.kind"));
        Map<String, Float> scores = Map.of(
                cases.getString("[0].events[0].machineId"), cases.getFloat("[0].events[0].score"),
                cases.getString("[0].events[1].machineId"), cases.getFloat("[0].events[1].score"));
        assertEquals(1.0, scores.get(DamageSample.id("acme", "acme-web1").toString()), 1e-6);
        // web2: P = {50: 1/4, 51: 1/4, new: 1/2} against Q = {50: 1/2, 51: 1/2}.
        double m50 = (0.25 + 0.5) / 2;
        double expected =
                0.5 * (2 * 0.25 * log2(0.25 / m50) + 0.5 * log2(0.5 / 0.25)) + 0.5 * (2 * 0.5 * log2(0.5 / m50));
        assertEquals(expected, scores.get(DamageSample.id("acme", "acme-web2").toString()), 1e-6);
        assertEquals("RATE_LIMIT", cases.getString("[0].mode"));
        assertEquals(List.of("dmz"), cases.getList("[0].range"));
        // Aggregated, not stored per flow: web1 has 3 baseline windows x 2 servers + 3 new + 1 closing destination.
        assertEquals(
                10,
                fixtures.count("SELECT count(*) FROM machine_traffic WHERE machine_id = '"
                        + DamageSample.id("acme", "acme-web1") + "'"));
        assertEquals(0, fixtures.count("SELECT count(*) FROM attack_indicator"), "divergence teaches no indicator");
    }

    /** Windows 0-2: two flows each to 10.0.0.50 and 10.0.0.51; window 3: {@code window3}; window 4 closes it. */
    private void send(String machine, String address, Instant t0, List<String> window3) {
        List<FlowRecord> flows = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            for (int i = 0; i < 2; i++) {
                flows.add(DamageSample.flow(t0.plusSeconds(w * WINDOW + 10 + i), address, "10.0.0.50"));
                flows.add(DamageSample.flow(t0.plusSeconds(w * WINDOW + 20 + i), address, "10.0.0.51"));
            }
        }
        for (int i = 0; i < window3.size(); i++) {
            flows.add(DamageSample.flow(t0.plusSeconds(3 * WINDOW + 10 + i), address, window3.get(i)));
        }
        flows.add(DamageSample.flow(t0.plusSeconds(4 * WINDOW + 5), address, "10.0.0.50"));
        Messages.send(connections, json, MonitorRecords.ADDRESS, List.of(DamageSample.records("acme", machine, flows)));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
