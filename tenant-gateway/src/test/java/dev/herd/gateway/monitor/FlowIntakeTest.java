package dev.herd.gateway.monitor;

import static dev.herd.gateway.GatewayFixtures.acmeGateway;
import static dev.herd.gateway.GatewayFixtures.asAgent;
import static dev.herd.gateway.GatewayFixtures.enrol;
import static dev.herd.gateway.GatewayFixtures.globexGateway;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.monitor.MonitorRecords;
import dev.herd.contracts.monitor.MonitorRecords.FlowRecord;
import dev.herd.contracts.outbox.Outbox;
import dev.herd.contracts.outbox.OutboxRelay;
import dev.herd.gateway.GatewayFixtures;
import dev.herd.gateway.GatewayFixtures.EnrolledAgent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /agent/flows}: validated batches are stored for the agent's tenant and forwarded to herd.monitor. */
@QuarkusTest
class FlowIntakeTest {

    private static final String GOOD = flow("2026-01-31T12:00:00Z", "192.0.2.10", "198.51.100.7", "tcp", "443", "1500");

    @Inject
    GatewayFixtures fixtures;

    @Inject
    ConnectionFactory connections;

    @Inject
    OutboxRelay relay;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper json;

    private EnrolledAgent sensor;

    @BeforeEach
    void clean() {
        fixtures.reset();
        sensor = enrol(acmeGateway(), "sensor-01");
    }

    @Test
    void aBatchIsStoredAndForwardedGroupedByAgent() throws Exception {
        String body = "[" + GOOD + ","
                + "{\"time\":\"2026-01-31T12:00:01Z\",\"source\":\"2001:db8::1\",\"destination\":\"2001:DB8:0:0::2\","
                + "\"protocol\":\"icmp\",\"bytes\":84,\"signature\":\"ET SCAN ICMP sweep\"}]";
        try (JMSContext context = connections.createContext(JMSContext.AUTO_ACKNOWLEDGE);
                JMSConsumer consumer = context.createConsumer(context.createTopic(MonitorRecords.ADDRESS))) {
            post(sensor, body).statusCode(202).body("accepted", equalTo(2));
            assertEquals(2, fixtures.count("monitor_record"));
            assertEquals(
                    1,
                    fixtures.count("monitor_record WHERE tenant_id = 'acme' AND agent_id = '" + sensor.id()
                            + "' AND protocol = 'icmp' AND port IS NULL AND bytes = 84"
                            + " AND destination = inet '2001:db8::2' AND signature = 'ET SCAN ICMP sweep'"));

            relay.sendBatch();
            TextMessage message = (TextMessage) consumer.receive(10_000);
            assertNotNull(message, "no message on " + MonitorRecords.ADDRESS);
            assertEquals("acme", message.getStringProperty("JMSXGroupID"), "grouped by tenant (ADR 12)");
            MonitorRecords records = json.readValue(message.getText(), MonitorRecords.class);
            assertEquals("acme", records.tenantId());
            assertEquals(sensor.id(), records.agentId());
            assertEquals(
                    new FlowRecord(
                            Instant.parse("2026-01-31T12:00:00Z"),
                            "192.0.2.10",
                            "198.51.100.7",
                            "tcp",
                            443,
                            1500,
                            null),
                    records.records().get(0));
            FlowRecord icmp = records.records().get(1);
            assertNull(icmp.port());
            assertEquals("2001:db8:0:0:0:0:0:2", icmp.destination());
            assertEquals("ET SCAN ICMP sweep", icmp.signature());
            assertEquals(0, outbox.pendingCount());
        }
    }

    @Test
    void anEmptyBatchIsTheSensorsHeartbeatForwardedWithoutStoringAnything() throws Exception {
        try (JMSContext context = connections.createContext(JMSContext.AUTO_ACKNOWLEDGE);
                JMSConsumer consumer = context.createConsumer(context.createTopic(MonitorRecords.ADDRESS))) {
            post(sensor, "[]").statusCode(202).body("accepted", equalTo(0));
            assertEquals(0, fixtures.count("monitor_record"));

            relay.sendBatch();
            TextMessage message = (TextMessage) consumer.receive(10_000);
            assertNotNull(message, "no heartbeat on " + MonitorRecords.ADDRESS);
            MonitorRecords heartbeat = json.readValue(message.getText(), MonitorRecords.class);
            assertEquals(sensor.id(), heartbeat.agentId());
            assertEquals("acme", heartbeat.tenantId());
            assertEquals(List.of(), heartbeat.records());
        }
    }

    @Test
    void everyBadRecordIsListedByIndexAndFieldAndNothingIsStored() {
        String body = "[" + GOOD + ","
                + flow("2026-01-31T12:00:00Z", "300.1.1.1", "example.com", "tcp", "80", "1") + ","
                + flow("2026-01-31T12:00:00Z", "192.0.2.1", "192.0.2.2", "udp", "65536", "1") + ","
                + flow("2026-01-31T12:00:00Z", "192.0.2.1", "192.0.2.2", "tcp", "22", "-5") + ","
                + flow("2026-01-31T12:00:00Z", "192.0.2.1", "192.0.2.2", "sctp", "22", "1") + ","
                + flow("yesterday", "192.0.2.1", "192.0.2.2", "tcp", "22", "1") + ","
                + flow("2026-01-31T12:00:00Z", "192.0.2.1", "192.0.2.2", "tcp", "null", "1") + "]";
        post(sensor, body)
                .statusCode(400)
                .body("code", equalTo("flows-invalid"))
                .body(
                        "errors.field",
                        hasItems(
                                "[1].source",
                                "[1].destination",
                                "[2].port",
                                "[3].bytes",
                                "[4].protocol",
                                "[5].time",
                                "[6].port"))
                .body("errors.size()", equalTo(7));
        assertNothingStored();
    }

    @Test
    void eachBadFieldAloneRefusesTheBatch() {
        String[][] cases = {
            {"[1].source", flow("2026-01-31T12:00:00Z", "10.0.0.256", "192.0.2.2", "tcp", "22", "1")},
            {"[1].destination", flow("2026-01-31T12:00:00Z", "192.0.2.1", "fe80::1::2", "tcp", "22", "1")},
            {"[1].port", flow("2026-01-31T12:00:00Z", "192.0.2.1", "192.0.2.2", "tcp", "-1", "1")},
            {"[1].bytes", flow("2026-01-31T12:00:00Z", "192.0.2.1", "192.0.2.2", "tcp", "22", "-1")},
            {"[1].protocol", flow("2026-01-31T12:00:00Z", "192.0.2.1", "192.0.2.2", "TCP", "22", "1")},
            {"[1].time", flow("2026-01-31 12:00", "192.0.2.1", "192.0.2.2", "tcp", "22", "1")},
        };
        for (String[] bad : cases) {
            post(sensor, "[" + GOOD + "," + bad[1] + "]")
                    .statusCode(400)
                    .body("code", equalTo("flows-invalid"))
                    .body("errors.field", equalTo(List.of(bad[0])));
        }
        assertNothingStored();
    }

    @Test
    void aBodyThatIsNotAnArrayOfRecordsIs400() {
        post(sensor, GOOD).statusCode(400).body("code", equalTo("malformed-json"));
        post(sensor, "[" + GOOD).statusCode(400).body("code", equalTo("malformed-json"));
        post(sensor, "[42]").statusCode(400).body("errors.field", equalTo(List.of("[0]")));
        assertNothingStored();
    }

    @Test
    void anOversizeBatchIs413() {
        StringBuilder body = new StringBuilder("[").append(GOOD);
        while (body.length() <= 65_536) {
            body.append(',').append(GOOD);
        }
        post(sensor, body.append(']').toString()).statusCode(413).body("code", equalTo("flows-too-large"));
        assertNothingStored();
    }

    @Test
    void recordsBelongToTheAgentsOwnTenant() {
        EnrolledAgent globex = enrol(globexGateway(), "sensor-globex");
        String claimingAcme = "[{\"tenantId\":\"acme\",\"agentId\":\"" + sensor.id() + "\"," + GOOD.substring(1) + "]";
        post(globex, claimingAcme).statusCode(202).body("accepted", equalTo(1));
        assertEquals(0, fixtures.count("monitor_record WHERE tenant_id = 'acme' OR agent_id = '" + sensor.id() + "'"));
        assertEquals(
                1, fixtures.count("monitor_record WHERE tenant_id = 'globex' AND agent_id = '" + globex.id() + "'"));
        assertEquals(
                1,
                fixtures.count("outbox_message WHERE message_key = 'globex' "
                        + "AND payload LIKE '%\"tenantId\":\"globex\"%' AND payload LIKE '%" + globex.id() + "%'"));
    }

    @Test
    void unauthenticatedOrKeycloakTokensAre401() {
        given().contentType("application/json")
                .body("[" + GOOD + "]")
                .post("/agent/flows")
                .then()
                .statusCode(401)
                .body("code", equalTo("credential-missing"));
        given().auth()
                .oauth2(acmeGateway())
                .contentType("application/json")
                .body("[" + GOOD + "]")
                .post("/agent/flows")
                .then()
                .statusCode(401);
        asAgent(sensor.id() + ":not-the-secret", "nonce-0123456789abcdef")
                .contentType("application/json")
                .body("[" + GOOD + "]")
                .post("/agent/flows")
                .then()
                .statusCode(401)
                .body("code", equalTo("credential-invalid"));
        assertNothingStored();
    }

    private void assertNothingStored() {
        assertEquals(0, fixtures.count("monitor_record"));
        assertEquals(0, fixtures.count("outbox_message"));
    }

    private static ValidatableResponse post(EnrolledAgent agent, String body) {
        return asAgent(agent)
                .contentType("application/json")
                .body(body)
                .post("/agent/flows")
                .then();
    }

    private static String flow(
            String time, String source, String destination, String protocol, String port, String bytes) {
        return "{\"time\":\"" + time + "\",\"source\":\"" + source + "\",\"destination\":\"" + destination
                + "\",\"protocol\":\"" + protocol + "\",\"port\":" + port + ",\"bytes\":" + bytes + "}";
    }
}
