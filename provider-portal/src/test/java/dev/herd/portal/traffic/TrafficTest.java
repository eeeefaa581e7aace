package dev.herd.portal.traffic;

import static dev.herd.testing.KeycloakTokens.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herd.contracts.monitor.MonitorRecords.FlowRecord;
import dev.herd.portal.support.PortalFixtures;
import dev.herd.testing.EmbeddedArtemisResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Monitor records counted into five-minute windows per machine and protocol, and read back per protocol and per
 * machine through {@code GET /api/tenants/{t}/traffic}: only the tenant's, the period checked.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class TrafficTest {

    private static final UUID WEB = UUID.fromString("00000000-0000-0000-0000-00000000aa01");
    private static final UUID MAIL = UUID.fromString("00000000-0000-0000-0000-00000000aa02");
    private static final UUID GLOBEX = UUID.fromString("00000000-0000-0000-0000-00000000bb01");

    @Inject
    PortalFixtures fixtures;

    @Inject
    TrafficCounter counter;

    @BeforeEach
    void traffic() {
        fixtures.reset();
        fixtures.execute("INSERT INTO tenant (id, display_name) VALUES ('acme', 'Acme Corp'), ('globex', 'Globex Inc') "
                + "ON CONFLICT DO NOTHING");
        fixtures.execute("INSERT INTO machine (id, tenant_id, name, addresses, listening, last_sequence, updated_at) "
                + "VALUES ('" + WEB + "', 'acme', 'acme-web1', '[]', '[]', 1, now())");
        Instant window = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS);
        QuarkusTransaction.requiringNew().run(() -> {
            counter.count(
                    "acme",
                    WEB,
                    List.of(
                            flow(window.plusSeconds(10), "tcp", 1000),
                            flow(window.plusSeconds(20), "TCP", 500),
                            flow(window.plusSeconds(30), "udp", 60),
                            flow(window.plusSeconds(400), "tcp", 100),
                            flow(window.plusSeconds(410), "gre", 7)));
            counter.count("acme", WEB, List.of(flow(window.plusSeconds(40), "tcp", 1))); // the same window again
            counter.count("acme", MAIL, List.of(flow(window.plusSeconds(50), "icmp", 84)));
            counter.count("globex", GLOBEX, List.of(flow(window.plusSeconds(10), "tcp", 999_999)));
            counter.count("acme", WEB, List.of(flow(window.minus(3, ChronoUnit.DAYS), "tcp", 5))); // too old for 24 h
        });
    }

    private static FlowRecord flow(Instant at, String protocol, long bytes) {
        return new FlowRecord(at, "10.0.0.5", "10.0.0.9", protocol, 443, bytes, null);
    }

    @Test
    void windowsPerProtocolAndTheBusiestMachinesOfTheTenantOnly() {
        assertEquals(
                5,
                fixtures.count("SELECT count(*) FROM traffic_window WHERE tenant_id = 'acme' "
                        + "AND window_start > now() - interval '1 day'"),
                "web: tcp and udp in the first window, tcp and other in the second; mail: icmp");
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/traffic")
                .then()
                .statusCode(200)
                .body("windowSeconds", equalTo(300))
                .body("protocols.protocol", contains("tcp", "icmp", "udp", "other"))
                .body("protocols[0].flows", equalTo(4))
                .body("protocols[0].bytes", equalTo(1601))
                .body("protocols[0].points", hasSize(2))
                .body("protocols[0].points[0].flows", equalTo(3))
                .body("machines.name", contains("acme-web1", null))
                .body("machines[0].protocols", equalTo("other, tcp, udp"))
                .body("machines[1].machineId", equalTo(MAIL.toString()));
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/traffic?hours=168")
                .then()
                .statusCode(200)
                .body("protocols[0].flows", equalTo(5));
    }

    @Test
    void anotherTenantsCallerAndABadPeriodAreRefused() {
        given().auth()
                .oauth2(user("acme-admin"))
                .get("/api/tenants/globex/traffic")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        for (String hours : List.of("0", "169", "soon", "1e3")) {
            given().auth()
                    .oauth2(user("acme-admin"))
                    .get("/api/tenants/acme/traffic?hours=" + hours)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("hours-invalid"));
        }
        given().auth()
                .oauth2(user("herd-admin"))
                .get("/api/tenants/nosuch/traffic")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/tenants/acme/traffic").then().statusCode(401);
    }
}
