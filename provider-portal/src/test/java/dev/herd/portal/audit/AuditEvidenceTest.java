package dev.herd.portal.audit;

import static dev.herd.testing.KeycloakTokens.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.evidence.MachineEvidence;
import dev.herd.contracts.evidence.MachineEvidence.ConfigFile;
import dev.herd.contracts.evidence.MachineEvidence.PrivilegedSession;
import dev.herd.contracts.tenancy.Caller;
import dev.herd.contracts.tenancy.Roles;
import dev.herd.portal.notification.Notification;
import dev.herd.portal.notification.NotificationService;
import dev.herd.portal.notification.Urgency;
import dev.herd.portal.support.PortalFixtures;
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
 * Privileged sessions and network configuration files arrive as machine evidence, are stored per machine (sessions
 * once each, files with their changes and their permissions against the expected ones), are served by
 * {@code GET /api/tenants/{t}/sessions} and {@code …/config-files} to the tenant's callers only, and a permission
 * mismatch is a notification for as long as it lasts.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class AuditEvidenceTest {

    private static final UUID WEB = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final UUID GLOBEX = UUID.fromString("00000000-0000-0000-0000-0000000000c2");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant T1 = Instant.parse("2026-12-01T08:00:00Z");
    private static final Caller ACME_VIEWER =
            new Caller("acme-viewer", Set.of(Roles.TENANT_VIEWER), Optional.of("acme"), Optional.empty());

    @Inject
    PortalFixtures fixtures;

    @Inject
    ConnectionFactory connections;

    @Inject
    ObjectMapper json;

    @Inject
    NotificationService notifications;

    @BeforeEach
    void machines() {
        fixtures.reset();
        fixtures.execute("INSERT INTO tenant (id, display_name) VALUES ('acme', 'Acme Corp'), ('globex', 'Globex Inc') "
                + "ON CONFLICT DO NOTHING");
        fixtures.execute("INSERT INTO machine (id, tenant_id, name, addresses, listening, last_sequence, updated_at) "
                + "VALUES ('" + WEB + "', 'acme', 'acme-web1', '[]', '[]', 1, now()), ('" + GLOBEX
                + "', 'globex', 'globex-web1', '[]', '[]', 1, now())");
    }

    @Test
    void sessionsAndFilesAreStoredServedAndAMismatchIsANotification() {
        send(evidence(
                "acme",
                WEB,
                1,
                List.of(
                        sudo("alice", T1),
                        new PrivilegedSession("su", "bob", "postgres", T1.plusSeconds(60), "su[9]: (to postgres) bob")),
                List.of(
                        file("/etc/hosts", "0644", "root"),
                        file("/etc/ssh/sshd_config", "0666", "root"),
                        file("/etc/netplan/01-lan.yaml", "0644", "root"),
                        file("/etc/custom.conf", "0777", "nobody"))));
        send(evidence("globex", GLOBEX, 1, List.of(sudo("mallory", T1)), List.of(file("/etc/hosts", "0666", "root"))));
        PortalFixtures.await(
                "both machines' evidence",
                WAIT,
                () -> fixtures.count("SELECT count(*) FROM machine_evidence_seen") == 2);

        List<Notification> first = notifications.forTenant(ACME_VIEWER, "acme", 100);
        assertEquals(
                List.of("Permissions of /etc/ssh/sshd_config differ", "Permissions of /etc/netplan/01-lan.yaml differ"),
                first.stream().map(Notification::title).toList(),
                "no expectation for /etc/custom.conf, and none of globex's");
        assertEquals(
                List.of(Urgency.HIGH, Urgency.NORMAL),
                first.stream().map(Notification::urgency).toList());
        assertEquals("acme-web1: mode 0666, expected 0644", first.getFirst().detail());
        assertEquals("/ui/tenants/acme/config-files", first.getFirst().link());

        // The next report: the sessions again with one more, sshd_config repaired, hosts opened, netplan's file gone.
        send(evidence(
                "acme",
                WEB,
                2,
                List.of(
                        sudo("alice", T1),
                        new PrivilegedSession("su", "bob", "postgres", T1.plusSeconds(60), "su[9]: (to postgres) bob"),
                        sudo("carol", T1.plusSeconds(120))),
                List.of(
                        file("/etc/hosts", "0664", "root"),
                        file("/etc/ssh/sshd_config", "0644", "root"),
                        file("/etc/custom.conf", "0777", "nobody"))));
        PortalFixtures.await(
                "the second report",
                WAIT,
                () -> fixtures.count("SELECT count(*) FROM machine_evidence_seen WHERE last_sequence = 2") == 1);

        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/sessions")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("page", equalTo(1))
                .body("size", equalTo(50))
                .body("items.user", contains("carol", "bob", "alice"))
                .body("items[1].target", equalTo("postgres"))
                .body("items[1].tool", equalTo("su"))
                .body("items[0].machine", equalTo("acme-web1"))
                .body("items[2].at", equalTo("2026-12-01T08:00:00Z"));
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/sessions?size=2&page=2")
                .then()
                .statusCode(200)
                .body("items.user", contains("alice"));
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/sessions?machine=globex-web1")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));

        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/config-files")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items.path", contains("/etc/hosts", "/etc/custom.conf", "/etc/ssh/sshd_config"))
                .body("items[0].mismatch", equalTo("mode 0664, expected 0644"))
                .body("items[0].urgency", equalTo("HIGH"))
                .body("items[0].expectedOwner", equalTo("root"))
                .body("items[0].history.what", contains("mode 0644 → 0664", "first seen"))
                .body("items[1].expectedMode", nullValue())
                .body("items[1].history.what", contains("first seen"))
                .body("items[2].mismatch", nullValue())
                .body("items[2].history.what", contains("mode 0666 → 0644", "first seen"));
        assertEquals(
                1,
                fixtures.count("SELECT count(*) FROM config_file_change WHERE path = '/etc/netplan/01-lan.yaml' "
                        + "AND what = 'removed'"));

        List<Notification> second = notifications.forTenant(ACME_VIEWER, "acme", 100);
        assertEquals(
                List.of("Permissions of /etc/hosts differ"),
                second.stream().map(Notification::title).toList(),
                "a repaired file and a file that went are no longer told about");
        assertEquals(Urgency.HIGH, second.getFirst().urgency(), "group may write it");
    }

    @Test
    void anotherTenantsCallerBadPagingAndBadMachineNamesAreRefused() {
        for (String list : List.of("sessions", "config-files")) {
            given().auth()
                    .oauth2(user("acme-admin"))
                    .get("/api/tenants/globex/" + list)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
            given().auth()
                    .oauth2(user("herd-admin"))
                    .get("/api/tenants/nosuch/" + list)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
            given().get("/api/tenants/acme/" + list).then().statusCode(401);
            for (String page : List.of("0", "-1", "abc", "100001", "99999999999999999999")) {
                refused(list + "?page=" + page, "page-invalid");
            }
            for (String size : List.of("0", "201", "1.5")) {
                refused(list + "?size=" + size, "size-invalid");
            }
            refused(list + "?machine=a%00b", "bad-text"); // every text parameter of the API refuses NUL
            refused(list + "?machine=a%01b", "machine-invalid");
            refused(list + "?machine=" + "a".repeat(300), "machine-invalid");
        }
    }

    @Test
    void aTenantAdminsOwnExpectationReplacesTheDefaultAndTheFilesAreCheckedAgain() {
        send(evidence("acme", WEB, 1, List.of(), List.of(file("/etc/ssh/sshd_config", "0600", "root"))));
        PortalFixtures.await("the evidence", WAIT, () -> fixtures.count("SELECT count(*) FROM config_file") == 1);
        assertEquals(
                List.of(Urgency.NORMAL),
                notifications.forTenant(ACME_VIEWER, "acme", 100).stream()
                        .map(Notification::urgency)
                        .toList(),
                "stricter than Debian's 0644");
        String stricter = """
                {"entries": [{"path": "/etc/ssh/sshd_config", "mode": "0600", "owner": "root", "group": "root"}]}""";

        put("acme-viewer", "acme", stricter).statusCode(403);
        put("acme-admin", "globex", stricter).statusCode(403);
        for (String bad : List.of(
                "{}",
                "{\"entries\": [{\"path\": \"etc/hosts\", \"mode\": \"0644\", \"owner\": \"root\", \"group\": \"root\"}]}",
                "{\"entries\": [{\"path\": \"/etc/hosts\", \"mode\": \"0999\", \"owner\": \"root\", \"group\": \"root\"}]}",
                "{\"entries\": [{\"path\": \"/etc/hosts\", \"mode\": \"0644\", \"owner\": \"Root!\", \"group\": \"root\"}]}",
                "{\"entries\": [null]}")) {
            put("acme-admin", "acme", bad).statusCode(400).contentType("application/problem+json");
        }
        assertEquals(0, fixtures.count("SELECT count(*) FROM tenant_expected_config_file"));

        put("acme-admin", "acme", stricter)
                .statusCode(200)
                .body("entries.mode", contains("0600"))
                .body("defaults.size()", equalTo(ExpectedPermissions.DEFAULTS.size()));
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/expected-config-files")
                .then()
                .statusCode(200)
                .body("entries.path", contains("/etc/ssh/sshd_config"));
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/config-files")
                .then()
                .statusCode(200)
                .body("items[0].expectedMode", equalTo("0600"))
                .body("items[0].mismatch", nullValue());
        assertEquals(List.of(), notifications.forTenant(ACME_VIEWER, "acme", 100), "checked again at once");
    }

    private io.restassured.response.ValidatableResponse put(String who, String tenant, String body) {
        return given().auth()
                .oauth2(user(who))
                .contentType("application/json")
                .body(body)
                .put("/api/tenants/" + tenant + "/expected-config-files")
                .then();
    }

    private void refused(String path, String code) {
        given().urlEncodingEnabled(false)
                .auth()
                .oauth2(user("acme-admin"))
                .get("/api/tenants/acme/" + path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo(code));
    }

    private void send(MachineEvidence evidence) {
        Messages.send(connections, json, MachineEvidence.ADDRESS, List.of(evidence));
    }

    private static MachineEvidence evidence(
            String tenant, UUID machine, long sequence, List<PrivilegedSession> sessions, List<ConfigFile> files) {
        return new MachineEvidence(
                tenant, machine, null, sequence, List.of(), List.of(), List.of(), Instant.now(), sessions, files);
    }

    private static PrivilegedSession sudo(String user, Instant at) {
        return new PrivilegedSession("sudo", user, "root", at, "sudo: " + user + " : USER=root ; COMMAND=/bin/sh");
    }

    private static ConfigFile file(String path, String mode, String owner) {
        return new ConfigFile(path, mode, owner, "root", T1, T1);
    }
}
