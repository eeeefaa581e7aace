package dev.herd.gateway.equipment;

import static dev.herd.gateway.GatewayFixtures.acmeGateway;
import static dev.herd.gateway.GatewayFixtures.enrol;
import static dev.herd.gateway.GatewayFixtures.globexGateway;
import static dev.herd.gateway.MachineReports.HARDWARE;
import static dev.herd.gateway.MachineReports.HARDWARE_WITH_USB_STICK;
import static dev.herd.gateway.MachineReports.INTERFACES;
import static dev.herd.gateway.MachineReports.delta;
import static dev.herd.gateway.MachineReports.full;
import static dev.herd.gateway.MachineReports.send;
import static dev.herd.testing.KeycloakTokens.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herd.contracts.evidence.MachineEvidence;
import dev.herd.gateway.GatewayFixtures;
import dev.herd.gateway.GatewayFixtures.EnrolledAgent;
import dev.herd.gateway.MachineReports;
import dev.herd.gateway.isolation.IsolatingDevice;
import dev.herd.gateway.isolation.Machine;
import dev.herd.gateway.isolation.RecordingDevice;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hardware added that the tenant's allowed-equipment list does not allow isolates the machine; the report stays. */
@QuarkusTest
class EquipmentControlTest {

    private static final Machine WS = Machine.of(MachineReports.MAC, MachineReports.IP);

    private static final String HARDWARE_WITH_NEW_NIC = HARDWARE.replace(
            "{\"name\": \"eth0\", \"driver\": \"virtio_net\", \"usb\": false}",
            "{\"name\": \"eth0\", \"driver\": \"virtio_net\", \"usb\": false},"
                    + " {\"name\": \"eth1\", \"driver\": \"r8152\", \"usb\": true}");

    @Inject
    GatewayFixtures fixtures;

    @Inject
    IsolatingDevice device;

    RecordingDevice recorded;

    @BeforeEach
    void clean() {
        fixtures.reset();
        recorded = (RecordingDevice) device;
        recorded.clear();
    }

    @Test
    void aUsbStickAddedIsolatesTheMachineUntilReleasedOnce() {
        EnrolledAgent agent = enrol(acmeGateway(), "ws-01");
        send(agent, full(1, INTERFACES, HARDWARE)).statusCode(200);
        assertEquals(List.of(), recorded.calls(), "the first report is the baseline");

        send(agent, delta(2, INTERFACES, HARDWARE_WITH_USB_STICK))
                .statusCode(200)
                .body("status", equalTo("accepted"));
        assertEquals(List.of(new RecordingDevice.Call("QUARANTINE", WS, "quarantine")), recorded.calls());
        assertEquals(1, fixtures.count("machine_report WHERE sequence = 2"), "the report is kept");

        String id = violations(user("acme-viewer"), "acme")
                .statusCode(200)
                .body("kind", contains("USB_MASS_STORAGE"))
                .body("item", contains("sdb"))
                .body("status", contains("OPEN"))
                .body("agentId", contains(agent.id().toString()))
                .body("reportSequence", contains(2))
                .body("mac", contains(MachineReports.MAC))
                .body("ip", contains(MachineReports.IP))
                .extract()
                .path("[0].id");

        send(agent, delta(3, INTERFACES, HARDWARE_WITH_USB_STICK)).statusCode(200);
        assertEquals(1, recorded.calls().size(), "the same hardware again is no new violation");

        given().auth()
                .oauth2(user("acme-admin"))
                .contentType("application/json")
                .body("{\"entries\": [{\"kind\": \"USB_MASS_STORAGE\", \"match\": \"sd*\"}]}")
                .put("/api/tenants/acme/allowed-equipment")
                .then()
                .statusCode(200);
        violations(user("acme-admin"), "acme").body("status", contains("OPEN"));
        assertEquals(1, recorded.calls().size(), "allowing the item later releases nothing by itself");

        release(globexGateway(), id).statusCode(404).body("code", equalTo("equipment-violation-not-found"));
        release(user("acme-viewer"), id).statusCode(403);
        release(user("acme-admin"), id)
                .statusCode(200)
                .body("status", equalTo("RELEASED"))
                .body("releasedBy", notNullValue())
                .body("releasedAt", notNullValue());
        assertEquals(
                new RecordingDevice.Call("RELEASE", WS, null), recorded.calls().get(1));
        release(user("acme-admin"), id).statusCode(409).body("code", equalTo("equipment-violation-released"));
        assertEquals(2, recorded.calls().size());
    }

    @Test
    void allowedHardwareIsolatesNothingAndOtherHardwareStillDoes() {
        given().auth()
                .oauth2(user("acme-admin"))
                .contentType("application/json")
                .body("{\"entries\": [{\"kind\": \"USB_MASS_STORAGE\", \"match\": \"sd?\"}]}")
                .put("/api/tenants/acme/allowed-equipment")
                .then()
                .statusCode(200);
        EnrolledAgent agent = enrol(acmeGateway(), "ws-01");
        send(agent, full(1, INTERFACES, HARDWARE)).statusCode(200);
        send(agent, delta(2, INTERFACES, HARDWARE_WITH_USB_STICK)).statusCode(200);
        assertEquals(List.of(), recorded.calls());
        assertEquals(0, fixtures.count("equipment_violation"));

        send(agent, delta(3, INTERFACES, HARDWARE_WITH_NEW_NIC)).statusCode(200);
        violations(user("acme-admin"), "acme")
                .body("kind", contains("NETWORK_ADAPTER"))
                .body("item", contains("eth1"))
                .body("driver", contains("r8152"));
        assertEquals(List.of(new RecordingDevice.Call("QUARANTINE", WS, "quarantine")), recorded.calls());
    }

    @Test
    void aFirstReportWithAUsbStickIsOnlyTheBaseline() {
        EnrolledAgent agent = enrol(acmeGateway(), "ws-01");
        send(agent, full(1, INTERFACES, HARDWARE_WITH_USB_STICK)).statusCode(200);
        send(agent, delta(2, INTERFACES)).statusCode(200);
        send(agent, delta(3, INTERFACES, HARDWARE_WITH_USB_STICK)).statusCode(200);
        assertEquals(List.of(), recorded.calls());
        assertEquals(0, fixtures.count("equipment_violation"));
    }

    @Test
    void aMachineThatCannotBeIsolatedKeepsItsReportAndTheViolationSaysWhy() {
        EnrolledAgent agent = enrol(acmeGateway(), "ws-01");
        String noAddress = "\"interfaces\": [{\"name\": \"lo\", \"mac\": \"00:00:00:00:00:00\","
                + " \"ipv4\": [\"127.0.0.1/8\"]}, {\"name\": \"eth0\", \"mac\": \"not-a-mac\", \"ipv4\": [\"10.0.0.9\"]}]";
        send(agent, full(1, noAddress, HARDWARE)).statusCode(200);
        send(agent, delta(2, noAddress, HARDWARE_WITH_USB_STICK)).statusCode(200);
        assertEquals(List.of(), recorded.calls());
        assertEquals(2, fixtures.count("machine_report"));
        violations(user("acme-admin"), "acme")
                .body("status", contains("ISOLATION_FAILED"))
                .body("failure", contains("the report names no MAC and IP address to isolate"));
    }

    @Test
    void aDeviceThatRefusesLosesNoReport() {
        EnrolledAgent agent = enrol(acmeGateway(), "ws-01");
        send(agent, full(1, INTERFACES, HARDWARE)).statusCode(200);
        recorded.refuse("nft: device offline");
        send(agent, delta(2, INTERFACES, HARDWARE_WITH_USB_STICK))
                .statusCode(200)
                .body("status", equalTo("accepted"));
        assertEquals(2, fixtures.count("machine_report"));
        assertEquals(
                2,
                fixtures.count("outbox_message WHERE address <> '" + MachineEvidence.ADDRESS + "'"),
                "both inventories still go to the portal");
        assertEquals(
                2,
                fixtures.count("outbox_message WHERE address = '" + MachineEvidence.ADDRESS + "'"),
                "and both hardware states, the second with its failed violation");
        violations(user("acme-admin"), "acme")
                .body("status", contains("ISOLATION_FAILED"))
                .body("failure", contains("the isolating device refused: nft: device offline"));
    }

    @Test
    void anOpenAdmissionKeepsTheMachineIsolatedWhenItsViolationIsReleased() {
        given().auth()
                .oauth2(acmeGateway())
                .contentType("application/json")
                .body("{\"mac\":\"%s\",\"ip\":\"%s\",\"hostname\":\"ws-01\"}"
                        .formatted(MachineReports.MAC, MachineReports.IP))
                .post("/api/admissions")
                .then()
                .statusCode(201);
        EnrolledAgent agent = enrol(acmeGateway(), "ws-01");
        send(agent, full(1, INTERFACES, HARDWARE)).statusCode(200);
        send(agent, delta(2, INTERFACES, HARDWARE_WITH_USB_STICK)).statusCode(200);
        String id = violations(user("acme-admin"), "acme").extract().path("[0].id");
        assertEquals(2, recorded.calls().size());

        release(user("acme-admin"), id).statusCode(200).body("status", equalTo("RELEASED"));
        assertEquals(2, recorded.calls().size(), "the admission still holds the machine");

        String admission = given().auth()
                .oauth2(user("acme-admin"))
                .get("/api/admissions")
                .then()
                .extract()
                .path("[0].id");
        given().auth()
                .oauth2(user("acme-admin"))
                .post("/api/admissions/" + admission + "/release")
                .then()
                .statusCode(200);
        assertEquals(
                new RecordingDevice.Call("RELEASE", WS, null), recorded.calls().getLast());
    }

    @Test
    void anotherTenantsViolationsAreNeitherListedNorReleased() {
        EnrolledAgent agent = enrol(acmeGateway(), "ws-01");
        send(agent, full(1, INTERFACES, HARDWARE)).statusCode(200);
        send(agent, delta(2, INTERFACES, HARDWARE_WITH_USB_STICK)).statusCode(200);
        String id = violations(user("acme-admin"), "acme").extract().path("[0].id");

        violations(user("globex-admin"), "acme").statusCode(403).body("code", equalTo("tenant-access-denied"));
        violations(globexGateway(), "globex").statusCode(200).body("$", empty());
        release(user("globex-admin"), id).statusCode(404);
        violations(user("herd-analyst"), "acme").statusCode(200).body("id", contains(id));
        release(user("herd-admin"), id).statusCode(200).body("status", equalTo("RELEASED"));
        release(user("herd-admin"), "not-a-uuid").statusCode(404);
    }

    private static ValidatableResponse violations(String bearer, String tenant) {
        return given().auth()
                .oauth2(bearer)
                .get("/api/tenants/" + tenant + "/equipment-violations")
                .then();
    }

    private static ValidatableResponse release(String bearer, String id) {
        return given().auth()
                .oauth2(bearer)
                .post("/api/equipment-violations/" + id + "/release")
                .then();
    }
}
