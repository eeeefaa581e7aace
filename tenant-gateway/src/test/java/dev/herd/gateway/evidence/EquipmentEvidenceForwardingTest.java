package dev.herd.gateway.evidence;

import static dev.herd.gateway.GatewayFixtures.acmeGateway;
import static dev.herd.gateway.GatewayFixtures.enrol;
import static dev.herd.gateway.MachineReports.HARDWARE;
import static dev.herd.gateway.MachineReports.HARDWARE_WITH_USB_STICK;
import static dev.herd.gateway.MachineReports.INTERFACES;
import static dev.herd.gateway.MachineReports.delta;
import static dev.herd.gateway.MachineReports.full;
import static dev.herd.gateway.MachineReports.send;
import static dev.herd.testing.KeycloakTokens.user;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.evidence.MachineEvidence;
import dev.herd.contracts.outbox.OutboxRelay;
import dev.herd.gateway.GatewayFixtures;
import dev.herd.gateway.GatewayFixtures.EnrolledAgent;
import dev.herd.gateway.MachineReports;
import dev.herd.gateway.isolation.IsolatingDevice;
import dev.herd.gateway.isolation.RecordingDevice;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A machine's equipment reaches the portal as evidence: the hardware of its reports, the violation a USB stick raises
 * and its release, an admission that holds the machine and its release, each as the gateway holds it then.
 */
@QuarkusTest
class EquipmentEvidenceForwardingTest {

    @Inject
    GatewayFixtures fixtures;

    @Inject
    ConnectionFactory connections;

    @Inject
    OutboxRelay relay;

    @Inject
    ObjectMapper json;

    @Inject
    IsolatingDevice device;

    @BeforeEach
    void clean() {
        fixtures.reset();
        ((RecordingDevice) device).clear();
    }

    @Test
    void aViolationAndItsReleaseTravelAsEquipment() throws Exception {
        EnrolledAgent agent = enrol(acmeGateway(), "ws-01");
        try (JMSContext context = connections.createContext(JMSContext.AUTO_ACKNOWLEDGE);
                JMSConsumer consumer = context.createConsumer(context.createTopic(MachineEvidence.ADDRESS))) {
            send(agent, full(1, INTERFACES, HARDWARE)).statusCode(200);
            send(agent, delta(2, INTERFACES, HARDWARE_WITH_USB_STICK)).statusCode(200);
            relay.sendBatch();
            MachineEvidence first = next(consumer);
            assertEquals(1, first.sequence());
            assertEquals(2, first.equipment().hardware().size());
            assertEquals(0, first.equipment().violations().size(), "the first hardware is the baseline");

            MachineEvidence second = next(consumer);
            assertEquals(2, second.sequence());
            assertEquals(3, second.equipment().hardware().size());
            MachineEvidence.Violation violation =
                    second.equipment().violations().getFirst();
            assertEquals("USB_MASS_STORAGE", violation.kind());
            assertEquals("sdb", violation.item());
            assertEquals("OPEN", violation.status());

            // A plain delta of a machine held by a violation still carries its equipment.
            send(agent, delta(3, INTERFACES)).statusCode(200);
            relay.sendBatch();
            assertEquals(
                    "OPEN", next(consumer).equipment().violations().getFirst().status());

            given().auth()
                    .oauth2(user("acme-admin"))
                    .post("/api/equipment-violations/" + violation.id() + "/release")
                    .then()
                    .statusCode(200);
            relay.sendBatch();
            MachineEvidence released = next(consumer);
            assertEquals(0, released.sequence(), "a state change outside a report has no report sequence");
            assertEquals("acme", released.tenantId());
            assertEquals(agent.id(), released.agentId());
            assertEquals(
                    violation.id(), released.equipment().violations().getFirst().id());
            assertEquals(
                    "RELEASED", released.equipment().violations().getFirst().status());
            assertNotNull(released.equipment().violations().getFirst().releasedBy());

            send(agent, delta(4, INTERFACES)).statusCode(200);
            relay.sendBatch();
            assertNull(consumer.receive(1_000), "a machine at rest sends no equipment with a plain delta");
        }
    }

    @Test
    void anAdmissionTravelsOnceItsAgentReportsAndItsReleaseToo() throws Exception {
        String admission = given().auth()
                .oauth2(acmeGateway())
                .contentType("application/json")
                .body("{\"mac\":\"%s\",\"ip\":\"%s\",\"hostname\":\"ws-01\"}"
                        .formatted(MachineReports.MAC, MachineReports.IP))
                .post("/api/admissions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        EnrolledAgent agent = enrol(acmeGateway(), "ws-01");
        try (JMSContext context = connections.createContext(JMSContext.AUTO_ACKNOWLEDGE);
                JMSConsumer consumer = context.createConsumer(context.createTopic(MachineEvidence.ADDRESS))) {
            send(agent, full(1, INTERFACES)).statusCode(200);
            relay.sendBatch();
            MachineEvidence.Admission held = next(consumer).equipment().admission();
            assertEquals(admission, held.id().toString());
            assertEquals("QUARANTINED", held.status());
            assertNotNull(held.segment());
            assertNotNull(held.awaiting());

            given().auth()
                    .oauth2(user("acme-admin"))
                    .post("/api/admissions/" + admission + "/release")
                    .then()
                    .statusCode(200);
            relay.sendBatch();
            MachineEvidence.Admission released = next(consumer).equipment().admission();
            assertEquals("RELEASED", released.status());
            assertNotNull(released.releasedAt());
        }
    }

    private MachineEvidence next(JMSConsumer consumer) throws Exception {
        TextMessage message = (TextMessage) consumer.receive(10_000);
        assertNotNull(message, "no message on " + MachineEvidence.ADDRESS);
        return json.readValue(message.getText(), MachineEvidence.class);
    }
}
