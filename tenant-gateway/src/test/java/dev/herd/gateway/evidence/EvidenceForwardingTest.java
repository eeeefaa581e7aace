package dev.herd.gateway.evidence;

import static dev.herd.gateway.GatewayFixtures.acmeGateway;
import static dev.herd.gateway.GatewayFixtures.enrol;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.evidence.MachineEvidence;
import dev.herd.contracts.outbox.OutboxRelay;
import dev.herd.gateway.GatewayFixtures;
import dev.herd.gateway.GatewayFixtures.EnrolledAgent;
import dev.herd.gateway.MachineReports;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Evidence (watched-file hashes, anti-virus findings, privileged sessions, network configuration files) reaches
 * Artemis through the outbox, and only that.
 */
@QuarkusTest
class EvidenceForwardingTest {

    private static final String PASSWD = "d8aa1bcb9a03b0be6d94ef0d625f25ced12c79f87cdafc3ae82a030335546c09";
    private static final String DROPPER = "275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f";

    private static final String WATCHED = """
            "watchedFiles": [{"path": "/etc/passwd", "status": "ok", "sha256": "%s"},
                             {"path": "/etc/ssh/sshd_config", "status": "missing", "sha256": null},
                             {"path": "/etc/hosts", "status": "ok", "sha256": "not-a-hash"}]
            """.formatted(PASSWD.toUpperCase());

    private static final String ANTIVIRUS = """
            "antivirus": {"products": [{"name": "ClamAV", "version": "1.0.7", "patternVersion": "27463"}],
                          "detections": [{"product": "ClamAV", "signature": "Eicar-Test-Signature",
                                          "path": "/tmp/eicar.com", "sha256": "%s",
                                          "detectedAt": "2026-11-21T07:05:00Z"}]}
            """.formatted(DROPPER);

    @Inject
    GatewayFixtures fixtures;

    @Inject
    ConnectionFactory connections;

    @Inject
    OutboxRelay relay;

    @Inject
    ObjectMapper json;

    @BeforeEach
    void clean() {
        fixtures.reset();
    }

    @Test
    void hashesAndDetectionsAreForwardedAndAPlainDeltaForwardsNothing() throws Exception {
        EnrolledAgent agent = enrol(acmeGateway(), "ws-01");
        try (JMSContext context = connections.createContext(JMSContext.AUTO_ACKNOWLEDGE);
                JMSConsumer consumer = context.createConsumer(context.createTopic(MachineEvidence.ADDRESS))) {
            MachineReports.send(
                            agent,
                            MachineReports.full(
                                    1, MachineReports.INTERFACES, MachineReports.HARDWARE, WATCHED, ANTIVIRUS))
                    .statusCode(200)
                    .body("status", equalTo("accepted"));
            MachineReports.send(agent, MachineReports.delta(2)).statusCode(200);
            assertEquals(1, fixtures.count("outbox_message WHERE address = '" + MachineEvidence.ADDRESS + "'"));
            relay.sendBatch();

            TextMessage message = (TextMessage) consumer.receive(10_000);
            assertNotNull(message, "no message on " + MachineEvidence.ADDRESS);
            assertEquals("acme", message.getStringProperty("JMSXGroupID"), "grouped by tenant (ADR 12)");
            assertFalse(message.getText().contains(MachineReports.MAC), "MAC addresses stay at the site");
            assertFalse(message.getText().contains("openssl"), "packages are not evidence");
            assertFalse(message.getText().contains("loop0"), "virtual block devices are not equipment");

            MachineEvidence evidence = json.readValue(message.getText(), MachineEvidence.class);
            assertEquals("acme", evidence.tenantId());
            assertEquals(agent.id(), evidence.agentId());
            assertEquals("ws-01", evidence.hostname());
            assertEquals(1, evidence.sequence());
            assertEquals(List.of(new MachineEvidence.FileHash("/etc/passwd", PASSWD)), evidence.fileHashes());
            assertEquals(
                    List.of(new MachineEvidence.AntivirusProduct("ClamAV", "1.0.7", "27463")), evidence.products());
            assertEquals(
                    List.of(new MachineEvidence.AntivirusDetection(
                            "ClamAV",
                            "Eicar-Test-Signature",
                            "/tmp/eicar.com",
                            DROPPER,
                            Instant.parse("2026-11-21T07:05:00Z"))),
                    evidence.detections());
            assertNotNull(evidence.receivedAt());
            assertEquals(
                    List.of(
                            new MachineEvidence.Hardware("BLOCK_DEVICE", "vda", null),
                            new MachineEvidence.Hardware("NETWORK_ADAPTER", "eth0", "virtio_net")),
                    evidence.equipment().hardware(),
                    "the report's hardware travels as equipment");
            assertEquals(List.of(), evidence.equipment().violations());
            assertNull(evidence.equipment().admission());

            assertNull(consumer.receive(1_000), "the delta without hashes, findings or hardware forwards no evidence");
        }
    }

    @Test
    void aReportWithOnlyMissingFilesForwardsNoEvidence() {
        EnrolledAgent agent = enrol(acmeGateway(), "ws-02");
        MachineReports.send(agent, MachineReports.full(1, """
                                "watchedFiles": [{"path": "/etc/shadow", "status": "unreadable", "sha256": null}],
                                "antivirus": {"products": [], "detections": []}
                                """)).statusCode(200);
        assertEquals(0, fixtures.count("outbox_message WHERE address = '" + MachineEvidence.ADDRESS + "'"));
        assertEquals(1, fixtures.count("outbox_message"), "the inventory still goes");
    }

    @Test
    void privilegedSessionsAndConfigFilesAreEvidenceOnTheirOwn() throws Exception {
        EnrolledAgent agent = enrol(acmeGateway(), "ws-03");
        try (JMSContext context = connections.createContext(JMSContext.AUTO_ACKNOWLEDGE);
                JMSConsumer consumer = context.createConsumer(context.createTopic(MachineEvidence.ADDRESS))) {
            MachineReports.send(agent, MachineReports.full(1, """
                                    "privilegedLogins": [
                                      {"tool": "sudo", "user": "alice", "target": "root", "at": "2026-11-21T06:00:00Z",
                                       "line": "Nov 21 06:00:00 ws-03 sudo: alice : USER=root ; COMMAND=/bin/sh"},
                                      {"tool": "su", "user": "bob", "target": "postgres", "at": "yesterday"},
                                      {"tool": "sshd", "user": "eve", "target": "eve", "from": "192.0.2.7",
                                       "at": "2026-11-21T05:59:00Z",
                                       "line": "sshd[9]: Accepted publickey for eve from 192.0.2.7 port 50000 ssh2"},
                                      {"tool": "login", "user": "carol"},
                                      {"tool": "sudo"}],
                                    "networkConfigChanges": [
                                      {"path": "/etc/hosts", "mode": "0666", "owner": "root", "group": "root",
                                       "modified": "2026-11-20T10:00:00Z", "changed": "2026-11-21T05:00:00Z",
                                       "permissions": "rw-rw-rw-"},
                                      {"path": "/etc/nftables.conf", "mode": "755", "owner": "root", "group": "root"},
                                      {"path": "/etc/resolv.conf", "mode": "rw-r--r--"},
                                      {"path": "relative", "mode": "0644"}]
                                    """)).statusCode(200);
            relay.sendBatch();

            TextMessage message = (TextMessage) consumer.receive(10_000);
            assertNotNull(message, "sessions and configuration files alone are evidence");
            MachineEvidence evidence = json.readValue(message.getText(), MachineEvidence.class);
            assertEquals(List.of(), evidence.fileHashes());
            assertEquals(
                    List.of(
                            new MachineEvidence.PrivilegedSession(
                                    "sudo",
                                    "alice",
                                    "root",
                                    Instant.parse("2026-11-21T06:00:00Z"),
                                    "Nov 21 06:00:00 ws-03 sudo: alice : USER=root ; COMMAND=/bin/sh"),
                            new MachineEvidence.PrivilegedSession("su", "bob", "postgres", null, null),
                            new MachineEvidence.PrivilegedSession(
                                    "sshd",
                                    "eve",
                                    "eve",
                                    Instant.parse("2026-11-21T05:59:00Z"),
                                    "sshd[9]: Accepted publickey for eve from 192.0.2.7 port 50000 ssh2",
                                    "192.0.2.7")),
                    evidence.privilegedSessions(),
                    "sshd log-ins keep their address; other tools and sessions without a user are left out; an "
                            + "unreadable time is null");
            assertNull(evidence.equipment(), "no hardware reported, nothing held: no equipment");
            assertEquals(
                    List.of(
                            new MachineEvidence.ConfigFile(
                                    "/etc/hosts",
                                    "0666",
                                    "root",
                                    "root",
                                    Instant.parse("2026-11-20T10:00:00Z"),
                                    Instant.parse("2026-11-21T05:00:00Z")),
                            new MachineEvidence.ConfigFile("/etc/nftables.conf", "0755", "root", "root", null, null)),
                    evidence.configFiles(),
                    "a mode that is not octal and a relative path are left out");
        }
    }

    @Test
    void evidenceWithoutTheNewListsReadsAsEmptyLists() throws Exception {
        MachineEvidence old = json.readValue("""
                {"tenantId": "acme", "agentId": "00000000-0000-0000-0000-000000000001", "sequence": 3,
                 "fileHashes": [], "receivedAt": "2026-11-21T07:00:00Z"}
                """, MachineEvidence.class);
        assertEquals(List.of(), old.privilegedSessions());
        assertEquals(List.of(), old.configFiles());
    }
}
