package dev.herd.portal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.evidence.MachineEvidence;
import dev.herd.contracts.monitor.MonitorRecords.FlowRecord;
import dev.herd.portal.audit.AuditEvidenceService;
import dev.herd.portal.equipment.EquipmentEvidenceService;
import dev.herd.portal.patch.PatchPlanService;
import dev.herd.portal.support.PortalFixtures;
import dev.herd.portal.traffic.TrafficCounter;
import dev.herd.testing.EmbeddedArtemisResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** A real headless Chromium walks the portal pages and acts on them after a real Keycloak login. */
@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class UiBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    PortalFixtures fixtures;

    @Inject
    ConnectionFactory connections;

    @Inject
    ObjectMapper json;

    @Inject
    PatchPlanService plans;

    @Inject
    TrafficCounter traffic;

    @Inject
    AuditEvidenceService audit;

    @Inject
    EquipmentEvidenceService equipment;

    @BeforeEach
    void fleet() {
        UiSample.fleet(fixtures, connections, json, plans);
        QuarkusTransaction.requiringNew().run(() -> {
            for (String machine : List.of("acme-web1", "globex-web1")) {
                String tenant = machine.substring(0, machine.indexOf('-'));
                Instant at = Instant.parse("2026-12-01T08:00:00Z");
                audit.apply(new MachineEvidence(
                        tenant,
                        UUID.fromString(
                                fixtures.text("SELECT CAST(id AS text) FROM machine WHERE name = '" + machine + "'")),
                        machine,
                        1,
                        List.of(),
                        List.of(),
                        List.of(),
                        Instant.now(),
                        List.of(
                                new MachineEvidence.PrivilegedSession(
                                        "sudo",
                                        "alice",
                                        "root",
                                        at,
                                        "Dec  1 08:00:00 " + machine
                                                + " sudo: alice : USER=root ; COMMAND=/usr/bin/apt"),
                                new MachineEvidence.PrivilegedSession(
                                        "sshd",
                                        "alice",
                                        "alice",
                                        at.minusSeconds(60),
                                        "Dec  1 07:59:00 " + machine + " sshd[811]: Accepted publickey for alice from "
                                                + "192.0.2.7 port 51234 ssh2",
                                        "192.0.2.7")),
                        List.of(
                                new MachineEvidence.ConfigFile("/etc/hosts", "0644", "root", "root", at, at),
                                new MachineEvidence.ConfigFile(
                                        "/etc/ssh/sshd_config", "0666", "root", "root", at, at))));
            }
        });
    }

    @Test
    void staffReadSessionsAndConfigFilesAndTheMismatchIsANotification() {
        try (UiBrowser browser = UiBrowser.logIn(base(), "herd-admin")) {
            browser.open("/ui/tenants/acme");
            browser.driver().findElement(By.linkText("Sessions")).click();
            browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("sessions")));
            assertTrue(browser.text("sessions").contains("alice"), browser.text("sessions"));
            assertTrue(browser.text("sessions").contains("acme-web1"), browser.text("sessions"));
            assertFalse(browser.html().contains("globex-web1"), "globex's session on acme's page");
            browser.screenshot("sessions");

            browser.driver().findElement(By.linkText("Config files")).click();
            browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("config-files")));
            String files = browser.text("config-files");
            assertTrue(files.indexOf("/etc/ssh/sshd_config") < files.indexOf("/etc/hosts"), files);
            assertTrue(files.contains("mode 0666, expected 0644"), files);
            assertTrue(files.contains("first seen"), files);
            browser.screenshot("config-files");
            browser.open("/ui/tenants/acme/config-files?page=0");
            assertEquals("400 Bad Request", browser.text("error-status"));

            browser.open("/ui/tenants/acme/machines/acme-web1");
            assertTrue(browser.text("machine-sessions").contains("alice"), browser.text("machine-sessions"));
            assertTrue(
                    browser.text("machine-config-files").contains("mode 0666, expected 0644"),
                    browser.text("machine-config-files"));

            browser.open("/ui/notifications");
            assertTrue(
                    browser.html().contains("Permissions of /etc/ssh/sshd_config differ"), "no mismatch notification");
        }
    }

    @Test
    void staffSeeHardwareQuarantineAndLogInsAndAnAdminEditsTheExpectedPermissions() {
        Instant at = Instant.now().minusSeconds(300);
        UUID web1 = UUID.fromString(fixtures.text("SELECT CAST(id AS text) FROM machine WHERE name = 'acme-web1'"));
        QuarkusTransaction.requiringNew()
                .run(() -> equipment.apply(new MachineEvidence(
                        "acme",
                        web1,
                        "acme-web1",
                        0,
                        List.of(),
                        List.of(),
                        List.of(),
                        at,
                        List.of(),
                        List.of(),
                        new MachineEvidence.Equipment(
                                at,
                                List.of(
                                        new MachineEvidence.Hardware("BLOCK_DEVICE", "vda", null),
                                        new MachineEvidence.Hardware("NETWORK_ADAPTER", "eth0", "virtio_net"),
                                        new MachineEvidence.Hardware("USB_MASS_STORAGE", "sdb", null)),
                                List.of(new MachineEvidence.Violation(
                                        UUID.randomUUID(),
                                        "USB_MASS_STORAGE",
                                        "sdb",
                                        null,
                                        "OPEN",
                                        null,
                                        at,
                                        null,
                                        null)),
                                new MachineEvidence.Admission(
                                        UUID.randomUUID(),
                                        "QUARANTINED",
                                        "quarantine",
                                        "10.0.0.7",
                                        at.minusSeconds(600),
                                        null,
                                        null,
                                        "2 findings without a deployed rule")))));
        try (UiBrowser browser = UiBrowser.logIn(base(), "herd-admin")) {
            browser.open("/ui/tenants/acme/machines/acme-web1");
            assertEquals("equipment violation", browser.text("equipment-verdict"));
            assertTrue(browser.text("machine-hardware").contains("virtio_net"), browser.text("machine-hardware"));
            assertTrue(browser.text("equipment-violations").contains("USB_MASS_STORAGE sdb"));
            assertTrue(browser.text("admission").contains("QUARANTINED"), browser.text("admission"));
            assertTrue(browser.text("machine-sessions").contains("log-in"), browser.text("machine-sessions"));
            browser.driver().executeScript("document.getElementById('hardware-title').scrollIntoView()");
            browser.screenshot("machine-hardware");

            browser.open("/ui/tenants/acme/topology");
            assertTrue(browser.text("machines").contains("admission QUARANTINED"), browser.text("machines"));
            browser.screenshot("topology-quarantine");

            browser.open("/ui/tenants/acme/sessions");
            String sessions = browser.text("sessions");
            assertTrue(sessions.contains("log-in") && sessions.contains("privileged"), sessions);
            assertTrue(sessions.contains("192.0.2.7"), sessions);

            browser.open("/ui/notifications");
            assertTrue(browser.html().contains("Equipment violation on acme-web1"), "no violation notification");
            assertTrue(
                    browser.html().contains("Machine acme-web1 admitted in quarantine"), "no admission notification");
        }
        try (UiBrowser browser = UiBrowser.logIn(base(), "acme-admin")) {
            browser.open("/ui/tenants/acme/config-files");
            WebElement expected = browser.driver().findElement(By.name("expected"));
            expected.sendKeys("/etc/ssh/sshd_config 0666 root:root");
            browser.buttons("Save expected permissions").get(0).click();
            browser.await()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.id("expected"), "Expected permissions saved"));
            assertEquals(
                    1, fixtures.count("SELECT count(*) FROM tenant_expected_config_file WHERE tenant_id = 'acme'"));
            browser.open("/ui/tenants/acme/config-files");
            assertFalse(
                    browser.text("config-files").contains("mode 0666, expected 0644"),
                    "the tenant's own expectation clears the mismatch");
            browser.screenshot("config-files-expected");

            browser.driver().findElement(By.name("expected")).clear();
            browser.driver().findElement(By.name("expected")).sendKeys("/etc/hosts 06x4 root:root");
            browser.buttons("Save expected permissions").get(0).click();
            browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "line 1"));
            assertTrue(browser.text("messages").contains("not octal"), browser.text("messages"));
            assertEquals(
                    1,
                    fixtures.count("SELECT count(*) FROM tenant_expected_config_file WHERE tenant_id = 'acme' "
                            + "AND path = '/etc/ssh/sshd_config'"),
                    "a refused form changes nothing");
            assertEquals(403L, browser.postFormFromPage("/ui/tenants/globex/config-files/expected", "expected", ""));
            browser.open("/ui/tenants/globex/machines/globex-web1");
            assertEquals("403 Forbidden", browser.text("error-status"));
            assertFalse(browser.html().contains("virtio_net"), "no hardware on the 403 page");
        }
        try (UiBrowser browser = UiBrowser.logIn(base(), "acme-viewer")) {
            browser.open("/ui/tenants/acme/config-files");
            assertTrue(browser.buttons("Save expected permissions").isEmpty());
            assertFalse(
                    browser.driver().findElement(By.name("expected")).isEnabled(), "the viewer's form is read only");
            assertEquals(403L, browser.postFormFromPage("/ui/tenants/acme/config-files/expected", "expected", ""));
            assertEquals(
                    1, fixtures.count("SELECT count(*) FROM tenant_expected_config_file WHERE tenant_id = 'acme'"));
        }
    }

    private String base() {
        String url = root.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Test
    void staffWalkEveryPage() {
        try (UiBrowser browser = UiBrowser.logIn(base(), "herd-admin")) {
            assertEquals("herd-admin", browser.text("user"));
            String table = browser.text("tenants");
            assertTrue(table.contains("acme") && table.contains("globex"), table);
            browser.screenshot("tenants");
            for (String column :
                    List.of("Open findings", "Known-exploited", "Open damage cases", "Open warnings", "Last report")) {
                browser.driver().findElement(By.linkText(column)).click();
                browser.await().until(d -> d.getCurrentUrl().contains("_desc"));
                String sorted = browser.text("tenants");
                assertTrue(sorted.contains("acme") && sorted.contains("globex"), column + ": " + sorted);
                browser.open("/ui");
            }
            browser.open("/ui?sort=findings_upward");
            assertEquals("400 Bad Request", browser.text("error-status"));
            assertTrue(browser.text("error-detail").contains("last_report_desc"), browser.text("error-detail"));
            browser.open("/ui");

            browser.driver().findElement(By.linkText("acme")).click();
            browser.await().until(d -> d.getCurrentUrl().endsWith("/ui/tenants/acme"));
            assertTrue(browser.title().startsWith("Acme Corp"), browser.title());
            assertEquals("0", browser.text("open-critical"));
            assertNotEquals("0", browser.text("known-exploited"));
            // ECharts drew the history into a canvas: the asset came from the webjar, not from a CDN
            browser.await()
                    .until(d -> !d.findElements(By.cssSelector("#index-history canvas"))
                            .isEmpty());
            browser.screenshot("dashboard");

            browser.driver().findElement(By.linkText("Findings")).click();
            browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("findings")));
            assertTrue(browser.text("findings").contains("CVE-2099-0131"), browser.text("findings"));
            assertFalse(browser.text("findings").contains("globex-web1"), "globex's machine among acme's findings");
            browser.screenshot("findings");

            browser.open("/ui/tenants/acme/findings?severity=critical");
            assertTrue(browser.text("findings").contains("No findings match."));
            browser.open("/ui/tenants/acme/findings?severity=urgent");
            assertEquals("400 Bad Request", browser.text("error-status"));
            assertTrue(browser.text("error-detail").contains("severity must be one of"));
            browser.open("/ui/tenants/acme/findings?sort=epss");
            assertTrue(browser.text("findings").contains("CVE-2099-0131"), browser.text("findings"));
            assertEquals(
                    "epss",
                    new Select(browser.driver().findElement(By.name("sort")))
                            .getFirstSelectedOption()
                            .getAttribute("value"));
            browser.open("/ui/tenants/acme/findings?sort=loudest");
            assertTrue(browser.text("error-detail").contains("sort must be one of"));

            browser.open("/ui/tenants/acme/patch-plans");
            assertTrue(browser.text("plans").contains("acme-web1"), browser.text("plans"));
            browser.screenshot("patch-plans");

            browser.open("/ui/tenants/acme/topology");
            assertTrue(browser.text("machines").contains("acme-web1"), browser.text("machines"));
            assertFalse(browser.text("machines").contains("globex-web1"), "globex's machine on acme's map");
            assertTrue(browser.text("machines").contains("dmz"), "acme-web1 drawn in its segment");
            assertTrue(browser.text("devices").contains("Edge firewall"), browser.text("devices"));
            browser.await()
                    .until(d ->
                            !d.findElements(By.cssSelector("#topology canvas")).isEmpty());
            browser.screenshot("topology");

            browser.driver().findElement(By.linkText("acme-web1")).click();
            browser.await().until(d -> d.getCurrentUrl().endsWith("/ui/tenants/acme/machines/acme-web1"));
            assertTrue(browser.text("machine-findings").contains("CVE-2099-0131"), browser.text("machine-findings"));
            assertTrue(browser.text("packages").contains("openssl"), browser.text("packages"));
            browser.screenshot("machine");

            UUID web1 = UUID.fromString(fixtures.text("SELECT CAST(id AS text) FROM machine WHERE name = 'acme-web1'"));
            QuarkusTransaction.requiringNew()
                    .run(() -> traffic.count(
                            "acme",
                            web1,
                            List.of(
                                    new FlowRecord(
                                            Instant.now().minusSeconds(900),
                                            "10.0.0.5",
                                            "10.0.0.9",
                                            "tcp",
                                            443,
                                            5000,
                                            null),
                                    new FlowRecord(
                                            Instant.now().minusSeconds(60),
                                            "10.0.0.5",
                                            "10.0.0.53",
                                            "udp",
                                            53,
                                            80,
                                            null))));
            browser.driver().findElement(By.linkText("Traffic")).click();
            browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("protocols")));
            assertTrue(browser.text("protocols").contains("tcp")
                    && browser.text("protocols").contains("udp"));
            assertTrue(browser.text("machines").contains("acme-web1"), browser.text("machines"));
            browser.await()
                    .until(d -> !d.findElements(By.cssSelector("#traffic-chart canvas"))
                            .isEmpty());
            browser.screenshot("traffic");
            browser.open("/ui/tenants/acme/traffic?hours=999");
            assertEquals("400 Bad Request", browser.text("error-status"));

            browser.open("/ui/tenants/globex");
            assertTrue(browser.title().startsWith("Globex Inc"), browser.title());
            browser.open("/ui/tenants/nosuch");
            assertEquals("404 Not Found", browser.text("error-status"));
        }
    }

    @Test
    void tenantAdminApprovesAPlanAndAcceptsARisk() {
        try (UiBrowser browser = UiBrowser.logIn(base(), "acme-admin")) {
            assertTrue(
                    browser.driver().getCurrentUrl().endsWith("/ui/tenants/acme"),
                    browser.driver().getCurrentUrl());
            browser.open("/ui/tenants/acme/findings");
            WebElement finding = browser.driver().findElement(By.cssSelector("#findings tbody tr"));
            String findingId = finding.getAttribute("id");
            finding.findElement(By.name("reason")).sendKeys("compensating control: port 443 closed at the edge");
            finding.findElement(By.xpath(".//button[text()='Accept risk']")).click();
            browser.await()
                    .until(d -> d.findElement(By.id(findingId)).getText().contains("risk accepted")
                            || !browser.text("messages").isBlank());
            assertEquals("", browser.text("messages"));
            long id = Long.parseLong(findingId.substring("finding-".length()));
            assertEquals(
                    1,
                    fixtures.count("SELECT count(*) FROM finding WHERE id = " + id + " AND state = 'ACCEPTED_RISK'"));
            browser.screenshot("risk-accepted");
            browser.open("/ui/tenants/acme/patch-plans");
            WebElement row = browser.driver().findElement(By.cssSelector("#plans tbody tr"));
            String rowId = row.getAttribute("id");
            row.findElement(By.xpath(".//button[text()='Approve']")).click();
            // approved, and sent at once: the tenant has no maintenance window
            browser.await().until(d -> d.findElement(By.id(rowId)).getText().contains("Patch plan approved"));
            assertTrue(browser.text(rowId).contains("SENT"), browser.text(rowId));
            assertEquals(
                    1,
                    fixtures.count("SELECT count(*) FROM patch_plan WHERE tenant_id = 'acme' AND state <> 'PROPOSED'"));
            browser.screenshot("patch-plan-approved");
        }
    }

    @Test
    void viewerSeesNoActionsAndAForgedPostIsRefused() {
        try (UiBrowser browser = UiBrowser.logIn(base(), "acme-viewer")) {
            browser.open("/ui/tenants/acme/patch-plans");
            assertTrue(browser.text("plans").contains("PROPOSED"));
            assertTrue(browser.buttons("Approve").isEmpty()
                    && browser.buttons("Reject").isEmpty());
            browser.open("/ui/tenants/acme/findings");
            assertTrue(browser.buttons("Accept risk").isEmpty());
            browser.screenshot("viewer-findings");

            String plan = planId();
            // the viewer's own page, with its valid CSRF token: the role check refuses
            assertEquals(403L, browser.postFromPage("/ui/tenants/acme/patch-plans/" + plan + "/approve", true));
            // without the token: the CSRF check refuses
            assertEquals(403L, browser.postFromPage("/ui/tenants/acme/patch-plans/" + plan + "/approve", false));
            assertEquals(
                    0,
                    fixtures.count("SELECT count(*) FROM patch_plan WHERE tenant_id = 'acme' AND state <> 'PROPOSED'"));
        }
    }

    @Test
    void tenantAdminTypingAnotherTenantsUrlsGetsA403Page() {
        try (UiBrowser browser = UiBrowser.logIn(base(), "acme-admin")) {
            for (String path : List.of(
                    "/ui/tenants/globex",
                    "/ui/tenants/globex/findings",
                    "/ui/tenants/globex/patch-plans",
                    "/ui/tenants/globex/topology",
                    "/ui/tenants/globex/machines/globex-web1",
                    "/ui/tenants/globex/settings",
                    "/ui/tenants/globex/traffic",
                    "/ui/tenants/globex/sessions",
                    "/ui/tenants/globex/config-files")) {
                browser.open(path);
                assertEquals("403 Forbidden", browser.text("error-status"), path);
                assertFalse(browser.html().contains("Globex Inc"), "globex's name leaked into " + path);
                assertFalse(browser.html().contains("globex-web1"), "globex's machine leaked into " + path);
                assertFalse(browser.html().contains("at dev.herd"), "a stack trace on the error page");
            }
            browser.screenshot("forbidden");
            // acme's admin forging a POST at globex's plan through acme's session: refused
            assertEquals(403L, browser.postFromPage("/ui/tenants/globex/patch-plans/" + planId() + "/reject", true));
        }
    }

    @Test
    void tenantAdminSavesThePolicyABadWindowIsNamedAndTheViewerOnlyReads() {
        fixtures.execute("DELETE FROM tenant_policy WHERE tenant_id = 'acme'");
        try (UiBrowser browser = UiBrowser.logIn(base(), "acme-admin")) {
            browser.open("/ui/tenants/acme");
            browser.driver().findElement(By.linkText("Settings")).click();
            browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("policy")));
            new Select(browser.driver().findElement(By.name("mode"))).selectByValue("AUTOMATIC");
            WebElement windows = browser.driver().findElement(By.name("maintenanceWindows"));
            windows.sendKeys("sat,sun 02:00-05:00 Europe/Berlin");
            browser.driver().findElement(By.name("forbidden")).sendKeys("openssl=3.0.15-1");
            browser.screenshot("settings");
            browser.buttons("Save policy").get(0).click();
            browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("policy"), "Policy saved."));
            String stored = fixtures.text("SELECT CAST(policy AS text) FROM tenant_policy WHERE tenant_id = 'acme'");
            assertTrue(
                    stored.contains("AUTOMATIC") && stored.contains("Europe/Berlin") && stored.contains("3.0.15-1"),
                    stored);

            browser.driver().findElement(By.name("maintenanceWindows")).sendKeys("\nsometime 9-5");
            browser.buttons("Save policy").get(0).click();
            browser.await()
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "maintenanceWindows"));
            assertEquals(
                    stored,
                    fixtures.text("SELECT CAST(policy AS text) FROM tenant_policy WHERE tenant_id = 'acme'"),
                    "a refused form changes nothing");
            assertEquals(403L, browser.postFromPage("/ui/tenants/globex/settings/policy", true));
        }
        try (UiBrowser browser = UiBrowser.logIn(base(), "acme-viewer")) {
            browser.open("/ui/tenants/acme/settings");
            assertTrue(browser.buttons("Save policy").isEmpty());
            assertFalse(browser.driver().findElement(By.name("mode")).isEnabled(), "the viewer's form is read only");
            assertEquals(403L, browser.postFromPage("/ui/tenants/acme/settings/policy", true));
        }
    }

    @Test
    void tenantAdminSetsInterconnectionsAndTheContactMailBadValuesAreNamedAndTheViewerOnlyReads() {
        fixtures.execute("DELETE FROM damage_settings WHERE tenant_id = 'acme'");
        try (UiBrowser browser = UiBrowser.logIn(base(), "acme-admin")) {
            browser.open("/ui/tenants/acme/settings");
            WebElement policies = browser.driver().findElement(By.name("policies"));
            policies.sendKeys("globex 60 55 trusted");
            browser.buttons("Save interconnections").get(0).click();
            browser.await()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.id("interconnections"), "Interconnection policies saved."));
            assertEquals(
                    1,
                    fixtures.count("SELECT count(*) FROM interconnection WHERE tenant_id = 'acme' AND partner_id = "
                            + "'globex' AND max_vulnerability_deviation = 60 AND require_trusted"));
            assertTrue(browser.text("interconnection-decisions").contains("globex"));
            browser.driver().findElement(By.name("contactMail")).sendKeys("soc@acme.example");
            browser.buttons("Save contact").get(0).click();
            browser.await()
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("contact"), "Contact mail saved."));
            assertEquals(
                    "soc@acme.example",
                    fixtures.text("SELECT settings->>'contactMail' FROM damage_settings WHERE tenant_id = 'acme'"));
            browser.screenshot("settings-interconnection");

            browser.driver().findElement(By.name("policies")).clear();
            browser.driver().findElement(By.name("policies")).sendKeys("globex sixty 55");
            browser.buttons("Save interconnections").get(0).click();
            browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "line 1"));
            assertTrue(browser.text("messages").contains("not a number"), browser.text("messages"));
            browser.driver().findElement(By.name("policies")).clear();
            browser.driver().findElement(By.name("policies")).sendKeys("nosuch 60 55");
            browser.buttons("Save interconnections").get(0).click();
            browser.await()
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "no tenant 'nosuch'"));
            assertEquals(
                    1,
                    fixtures.count("SELECT count(*) FROM interconnection WHERE tenant_id = 'acme'"),
                    "a refused form changes nothing");

            browser.driver().findElement(By.name("contactMail")).clear();
            browser.driver().findElement(By.name("contactMail")).sendKeys("soc at acme");
            browser.buttons("Save contact").get(0).click();
            browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "contactMail"));
            assertTrue(browser.text("messages").contains("is not a mail address"), browser.text("messages"));
            assertEquals(
                    "soc@acme.example",
                    fixtures.text("SELECT settings->>'contactMail' FROM damage_settings WHERE tenant_id = 'acme'"));
            assertTrue(browser.text("equipment").contains("allowed-equipment"), browser.text("equipment"));
            assertEquals(403L, browser.postFromPage("/ui/tenants/globex/settings/contact", true));
            assertEquals(403L, browser.postFromPage("/ui/tenants/globex/settings/interconnections", true));
        }
        try (UiBrowser browser = UiBrowser.logIn(base(), "acme-viewer")) {
            browser.open("/ui/tenants/acme/settings");
            assertTrue(browser.text("interconnection-decisions").contains("globex"));
            assertTrue(browser.buttons("Save interconnections").isEmpty()
                    && browser.buttons("Save contact").isEmpty());
            assertFalse(browser.driver().findElement(By.name("contactMail")).isEnabled(), "read only");
            assertEquals(403L, browser.postFromPage("/ui/tenants/acme/settings/contact", true));
            assertEquals(403L, browser.postFromPage("/ui/tenants/acme/settings/interconnections", false));
            assertEquals(
                    "soc@acme.example",
                    fixtures.text("SELECT settings->>'contactMail' FROM damage_settings WHERE tenant_id = 'acme'"));
        }
    }

    private String planId() {
        return fixtures.text(
                "SELECT CAST(id AS text) FROM patch_plan WHERE tenant_id = 'acme' ORDER BY machine_name LIMIT 1");
    }
}
