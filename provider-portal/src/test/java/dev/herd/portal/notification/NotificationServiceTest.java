package dev.herd.portal.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.tenancy.Caller;
import dev.herd.contracts.tenancy.Roles;
import dev.herd.portal.support.PortalFixtures;
import dev.herd.testing.EmbeddedArtemisResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Notifications read from the cases, orders, warnings and known-exploited findings of each tenant: staff see every
 * tenant's, a tenant's people only theirs, by urgency then newest; read marks are per user and only for what the
 * user may see.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class NotificationServiceTest {

    private static final String ACME_CASE = "00000000-0000-0000-0000-0000000000a1";
    private static final String ACME_OLD_CASE = "00000000-0000-0000-0000-0000000000a2";
    private static final String GLOBEX_CASE = "00000000-0000-0000-0000-0000000000b1";
    private static final String GLOBEX_ORDER = "00000000-0000-0000-0000-0000000000b2";
    private static final String ACME_WARNING = "00000000-0000-0000-0000-0000000000a3";
    private static final String GLOBEX_MACHINE = "00000000-0000-0000-0000-0000000000b3";

    private static final Caller STAFF =
            new Caller("herd-admin", Set.of(Roles.MSSP_ADMIN), Optional.empty(), Optional.empty());
    private static final Caller ACME_ADMIN =
            new Caller("acme-admin", Set.of(Roles.TENANT_ADMIN), Optional.of("acme"), Optional.empty());
    private static final Caller ACME_VIEWER =
            new Caller("acme-viewer", Set.of(Roles.TENANT_VIEWER), Optional.of("acme"), Optional.empty());

    @Inject
    PortalFixtures fixtures;

    @Inject
    NotificationService notifications;

    @BeforeEach
    void incidents() {
        fixtures.reset();
        fixtures.execute("INSERT INTO tenant (id, display_name) VALUES ('acme', 'Acme Corp'), ('globex', 'Globex Inc') "
                + "ON CONFLICT DO NOTHING");
        fixtures.execute("INSERT INTO damage_case (id, tenant_id, state, opened_at, updated_at, signature, "
                + "isolation_point) VALUES ('" + ACME_CASE + "', 'acme', 'ISOLATED', now() - interval '5 minutes', "
                + "now(), 'ET WEB webshell', 'fw-lan'), ('" + ACME_OLD_CASE + "', 'acme', 'CLOSED', "
                + "now() - interval '2 days', now() - interval '1 day', 'ET SCAN old', NULL), ('" + GLOBEX_CASE
                + "', 'globex', 'OPEN', now() - interval '1 minute', now(), 'ET EXPLOIT probe', 'fw-dmz')");
        fixtures.execute("INSERT INTO isolation_order (order_id, tenant_id, case_id, isolation_point, mode, issued_at, "
                + "status, attempt, status_detail, status_at) VALUES ('" + GLOBEX_ORDER + "', 'globex', '"
                + GLOBEX_CASE + "', 'fw-dmz', 'COMPLETE', now() - interval '1 minute', 'ESCALATED', 5, "
                + "'device refused', now())");
        fixtures.execute(
                "INSERT INTO tenant_warning (id, tenant_id, anomaly_key, indicator, reporting, countermeasure, "
                        + "state, created_at) VALUES ('" + ACME_WARNING + "', 'acme', 'k1', 'ET WEB spreading', 2, "
                        + "'block it', 'OPEN', now() - interval '3 minutes')");
        fixtures.execute("INSERT INTO advisory (id, known_exploited, emergency_level, actionable, withdrawn, aliases, "
                + "affected, mitigations, patches, modified_at, updated_at) VALUES ('CVE-2021-4034', true, 3, true, "
                + "false, '[]', '[]', '[]', '[]', now(), now())");
        fixtures.execute("INSERT INTO machine (id, tenant_id, name, addresses, listening, last_sequence, updated_at) "
                + "VALUES ('" + GLOBEX_MACHINE + "', 'globex', 'mail-01', '[]', '[]', 1, now())");
        fixtures.execute("INSERT INTO finding (tenant_id, machine_id, advisory_id, package_name, installed, action, "
                + "state, opened_at, updated_at) VALUES ('globex', '" + GLOBEX_MACHINE + "', 'CVE-2021-4034', "
                + "'policykit-1', '0.105-31', 'PATCH', 'OPEN', now() - interval '10 minutes', now())");
    }

    @Test
    void staffSeeEveryTenantsNotificationsMostUrgentFirstThenNewest() {
        List<Notification> shown = notifications.forCaller(STAFF, 100);
        assertEquals(
                List.of(
                        "case:" + GLOBEX_CASE,
                        "case:" + ACME_CASE,
                        "order:" + GLOBEX_ORDER,
                        "warning:" + ACME_WARNING,
                        "kev:globex:CVE-2021-4034",
                        "case-closed:" + ACME_OLD_CASE),
                shown.stream().map(Notification::key).toList());
        assertEquals(
                List.of(Urgency.EMERGENCY, Urgency.EMERGENCY, Urgency.HIGH, Urgency.HIGH, Urgency.HIGH, Urgency.INFO),
                shown.stream().map(Notification::urgency).toList());
        Notification kev = shown.get(4);
        assertEquals("1 machine(s) exposed", kev.detail());
        assertEquals("/ui/tenants/globex/findings?knownExploited=true", kev.link());
        assertEquals("Damage case isolated", shown.get(1).title());
        assertTrue(shown.stream().noneMatch(Notification::read));
        assertEquals(2, notifications.forCaller(STAFF, 2).size(), "bounded by what is asked");
    }

    @Test
    void aTenantsPeopleSeeOnlyTheirTenantAndAreRefusedAnother() {
        assertEquals(
                List.of("case:" + ACME_CASE, "warning:" + ACME_WARNING, "case-closed:" + ACME_OLD_CASE),
                notifications.forCaller(ACME_VIEWER, 100).stream()
                        .map(Notification::key)
                        .toList());
        assertEquals(3, notifications.forTenant(ACME_ADMIN, "acme", 5).size());
        HerdException refused =
                assertThrows(HerdException.class, () -> notifications.forTenant(ACME_ADMIN, "globex", 5));
        assertEquals(403, refused.status());
    }

    @Test
    void readMarksArePerUserAndOnlyForWhatTheUserMaySee() {
        Notification read = notifications.markRead(ACME_ADMIN, "warning:" + ACME_WARNING);
        assertTrue(read.read());
        assertTrue(notifications.forCaller(ACME_ADMIN, 100).stream()
                .filter(n -> n.key().equals("warning:" + ACME_WARNING))
                .allMatch(Notification::read));
        assertFalse(
                notifications.forCaller(ACME_VIEWER, 100).stream()
                        .filter(n -> n.key().equals("warning:" + ACME_WARNING))
                        .allMatch(Notification::read),
                "another user has not read it");

        HerdException otherTenants =
                assertThrows(HerdException.class, () -> notifications.markRead(ACME_ADMIN, "order:" + GLOBEX_ORDER));
        assertEquals(404, otherTenants.status());
        assertThrows(HerdException.class, () -> notifications.markRead(ACME_ADMIN, "no-such\u0000key"));
        assertEquals(0, fixtures.count("SELECT count(*) FROM notification_read WHERE notification_key LIKE 'order:%'"));

        assertEquals(2, notifications.markAllRead(ACME_ADMIN));
        assertEquals(0, notifications.markAllRead(ACME_ADMIN));
        assertEquals(3, fixtures.count("SELECT count(*) FROM notification_read WHERE username = 'acme-admin'"));
    }
}
