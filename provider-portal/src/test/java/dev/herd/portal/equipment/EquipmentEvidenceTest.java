package dev.herd.portal.equipment;

import static dev.herd.testing.KeycloakTokens.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.evidence.MachineEvidence;
import dev.herd.contracts.tenancy.Caller;
import dev.herd.contracts.tenancy.Roles;
import dev.herd.portal.notification.Notification;
import dev.herd.portal.notification.NotificationService;
import dev.herd.portal.notification.Urgency;
import dev.herd.portal.support.PortalFixtures;
import dev.herd.portal.ui.TopologyMap;
import dev.herd.portal.ui.TopologyMapService;
import dev.herd.testing.EmbeddedArtemisResource;
import dev.herd.testing.Messages;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A machine's equipment arrives as evidence (hardware, violations, admission, also on its own with sequence 0), the
 * newest state wins, {@code GET /api/tenants/{t}/machines/{m}/equipment} serves it to the tenant's callers only, the
 * map marks a held machine and violations and admissions are notifications; sshd log-ins are sessions of their own
 * kind. Bad equipment sets the message aside whole.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class EquipmentEvidenceTest {

    private static final UUID WEB = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    private static final UUID GLOBEX = UUID.fromString("00000000-0000-0000-0000-0000000000e2");
    private static final UUID VIOLATION = UUID.fromString("00000000-0000-0000-0000-00000000f001");
    private static final UUID ADMISSION = UUID.fromString("00000000-0000-0000-0000-00000000a001");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant T1 =
            Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minusSeconds(3600);
    private static final Caller ACME_VIEWER =
            new Caller("acme-viewer", Set.of(Roles.TENANT_VIEWER), Optional.of("acme"), Optional.empty());
    private static final Caller GLOBEX_VIEWER =
            new Caller("globex-viewer", Set.of(Roles.TENANT_VIEWER), Optional.of("globex"), Optional.empty());
    private static final List<MachineEvidence.Hardware> HARDWARE = List.of(
            new MachineEvidence.Hardware("BLOCK_DEVICE", "vda", null),
            new MachineEvidence.Hardware("NETWORK_ADAPTER", "eth0", "virtio_net"),
            new MachineEvidence.Hardware("USB_MASS_STORAGE", "sdb", null));

    @Inject
    PortalFixtures fixtures;

    @Inject
    ConnectionFactory connections;

    @Inject
    ObjectMapper json;

    @Inject
    NotificationService notifications;

    @Inject
    TopologyMapService maps;

    @BeforeEach
    void machines() {
        fixtures.reset();
        fixtures.execute("INSERT INTO tenant (id, display_name) VALUES ('acme', 'Acme Corp'), ('globex', 'Globex Inc') "
                + "ON CONFLICT DO NOTHING");
        fixtures.execute("INSERT INTO machine (id, tenant_id, name, addresses, listening, last_sequence, updated_at) "
                + "VALUES ('" + WEB + "', 'acme', 'acme-web1', '[\"10.0.0.7\"]', '[]', 1, now()), ('" + GLOBEX
                + "', 'globex', 'globex-web1', '[]', '[]', 1, now())");
    }

    @Test
    void equipmentIsStoredServedMarkedAndNotified() {
        send(evidence("acme", WEB, 1, T1, equipment(T1, "OPEN", "QUARANTINED"), List.of(sshd("eve", T1))));
        send(evidence("globex", GLOBEX, 1, T1, equipment(T1, null, null), List.of()));
        await(() -> fixtures.count("SELECT count(*) FROM machine_equipment") == 2);

        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/machines/acme-web1/equipment")
                .then()
                .statusCode(200)
                .body("machine", equalTo("acme-web1"))
                .body("verdict", equalTo("violation"))
                .body("hardware.name", contains("vda", "eth0", "sdb"))
                .body("hardware[1].driver", equalTo("virtio_net"))
                .body("violations.id", contains(VIOLATION.toString()))
                .body("violations[0].status", equalTo("OPEN"))
                .body("admission.status", equalTo("QUARANTINED"))
                .body("admission.segment", equalTo("quarantine"))
                .body("admission.awaiting", equalTo("a diagnosis"));
        given().auth()
                .oauth2(user("herd-analyst"))
                .get("/api/tenants/acme/machines/" + WEB + "/equipment")
                .then()
                .statusCode(200)
                .body("verdict", equalTo("violation"));
        given().auth()
                .oauth2(user("globex-admin"))
                .get("/api/tenants/globex/machines/globex-web1/equipment")
                .then()
                .statusCode(200)
                .body("verdict", equalTo("allowed"))
                .body("violations", org.hamcrest.Matchers.empty())
                .body("admission", nullValue());

        // Another tenant's caller: 403 on acme's address, and acme's machine is not found under globex.
        given().auth()
                .oauth2(user("globex-admin"))
                .get("/api/tenants/acme/machines/acme-web1/equipment")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(user("globex-admin"))
                .get("/api/tenants/globex/machines/" + WEB + "/equipment")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("machine-not-found"));
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/machines/no-such-machine/equipment")
                .then()
                .statusCode(404)
                .body("code", equalTo("machine-not-found"));

        // The map marks the held machine; notifications tell of the violation and the admission, to acme only.
        TopologyMap map = maps.of("acme", Instant.now());
        assertEquals("admission QUARANTINED", map.machines().getFirst().quarantined());
        List<Notification> told = notifications.forTenant(ACME_VIEWER, "acme", 100);
        assertEquals(
                List.of("equipment:" + VIOLATION, "admission:" + ADMISSION),
                told.stream().map(Notification::key).toList());
        assertEquals(Urgency.HIGH, told.getFirst().urgency());
        assertEquals("Equipment violation on acme-web1", told.getFirst().title());
        assertTrue(told.getFirst().detail().contains("USB_MASS_STORAGE sdb"));
        assertEquals("/ui/tenants/acme/machines/acme-web1", told.getFirst().link());
        assertEquals(Urgency.NORMAL, told.get(1).urgency());
        assertTrue(notifications.forTenant(GLOBEX_VIEWER, "globex", 100).isEmpty());

        // sshd log-ins are sessions of their own kind, with their source address.
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/sessions")
                .then()
                .statusCode(200)
                .body("items.tool", contains("sshd"))
                .body("items[0].kind", equalTo("log-in"))
                .body("items[0].from", equalTo("192.0.2.7"));

        // Released at the gateway: a state of its own (sequence 0), newer, replaces; an older one changes nothing.
        Instant t2 = T1.plusSeconds(600);
        send(evidence("acme", WEB, 0, t2, released(t2), List.of()));
        await(() -> fixtures.count("SELECT count(*) FROM machine_admission WHERE status = 'RELEASED'") == 1);
        send(evidence("acme", WEB, 0, T1.plusSeconds(60), equipment(T1.plusSeconds(60), "OPEN", "HELD"), List.of()));
        send(evidence("acme", WEB, 2, t2, null, List.of()));
        await(() -> fixtures.count("SELECT count(*) FROM machine_evidence_seen WHERE last_sequence = 2") == 1);
        given().auth()
                .oauth2(user("acme-admin"))
                .get("/api/tenants/acme/machines/acme-web1/equipment")
                .then()
                .statusCode(200)
                .body("verdict", equalTo("allowed"))
                .body("violations[0].status", equalTo("RELEASED"))
                .body("violations[0].releasedBy", equalTo("acme-admin"))
                .body("admission.status", equalTo("RELEASED"))
                .body("hardware.name", contains("vda", "eth0", "sdb"));
        assertEquals(null, maps.of("acme", Instant.now()).machines().getFirst().quarantined());
        List<Notification> after = notifications.forTenant(ACME_VIEWER, "acme", 100);
        assertEquals(
                List.of("admission-released:" + ADMISSION),
                after.stream().map(Notification::key).toList());
        assertEquals(Urgency.INFO, after.getFirst().urgency());
    }

    @Test
    void badEquipmentIsSetAsideWhole() {
        List<MachineEvidence.Equipment> bad = List.of(
                new MachineEvidence.Equipment(null, HARDWARE, List.of(), null),
                new MachineEvidence.Equipment(
                        T1, List.of(new MachineEvidence.Hardware("PRINTER", "lp0", null)), List.of(), null),
                new MachineEvidence.Equipment(
                        T1,
                        HARDWARE,
                        List.of(new MachineEvidence.Violation(
                                VIOLATION, "USB_MASS_STORAGE", "sdb", null, "MAYBE", null, T1, null, null)),
                        null),
                new MachineEvidence.Equipment(
                        T1,
                        HARDWARE,
                        List.of(),
                        new MachineEvidence.Admission(null, "QUARANTINED", "q", null, T1, null, null, null)));
        long sequence = 1;
        for (MachineEvidence.Equipment equipment : bad) {
            send(evidence("acme", WEB, sequence++, T1, equipment, List.of(sshd("eve", T1))));
        }
        await(() -> fixtures.count("SELECT count(*) FROM dead_letter WHERE consumer = 'portal-evidence'") == 4);
        assertEquals(0, fixtures.count("SELECT count(*) FROM machine_equipment"));
        assertEquals(0, fixtures.count("SELECT count(*) FROM privileged_session"), "nothing half-stored");
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/machines/acme-web1/equipment")
                .then()
                .statusCode(200)
                .body("verdict", equalTo("unknown"))
                .body("hardware", nullValue())
                .body("verdict", not(equalTo("allowed")));
        assertFalse(fixtures.count("SELECT count(*) FROM machine_admission") > 0);
    }

    private void await(java.util.function.BooleanSupplier condition) {
        PortalFixtures.await("the evidence", WAIT, condition);
    }

    private void send(MachineEvidence evidence) {
        Messages.send(connections, json, MachineEvidence.ADDRESS, List.of(evidence));
    }

    private static MachineEvidence evidence(
            String tenant,
            UUID machine,
            long sequence,
            Instant at,
            MachineEvidence.Equipment equipment,
            List<MachineEvidence.PrivilegedSession> sessions) {
        return new MachineEvidence(
                tenant, machine, null, sequence, List.of(), List.of(), List.of(), at, sessions, List.of(), equipment);
    }

    private static MachineEvidence.Equipment equipment(Instant at, String violation, String admission) {
        return new MachineEvidence.Equipment(
                at,
                HARDWARE,
                violation == null
                        ? List.of()
                        : List.of(new MachineEvidence.Violation(
                                VIOLATION, "USB_MASS_STORAGE", "sdb", null, violation, null, at, null, null)),
                admission == null
                        ? null
                        : new MachineEvidence.Admission(
                                ADMISSION, admission, "quarantine", "10.0.0.7", at, null, null, "a diagnosis"));
    }

    private static MachineEvidence.Equipment released(Instant at) {
        return new MachineEvidence.Equipment(
                at,
                null,
                List.of(new MachineEvidence.Violation(
                        VIOLATION, "USB_MASS_STORAGE", "sdb", null, "RELEASED", null, T1, at, "acme-admin")),
                new MachineEvidence.Admission(
                        ADMISSION, "RELEASED", "quarantine", "10.0.0.7", T1, at, "herd-diagnosis", null));
    }

    private static MachineEvidence.PrivilegedSession sshd(String user, Instant at) {
        return new MachineEvidence.PrivilegedSession(
                "sshd", user, user, at, "sshd[9]: Accepted publickey for " + user + " from 192.0.2.7", "192.0.2.7");
    }
}
