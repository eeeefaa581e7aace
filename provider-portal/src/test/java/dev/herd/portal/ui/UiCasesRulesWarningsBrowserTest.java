package dev.herd.portal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.portal.patch.PatchPlanService;
import dev.herd.portal.support.PortalFixtures;
import dev.herd.portal.warning.WarningService;
import dev.herd.testing.EmbeddedArtemisResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A real headless Chromium walks the damage cases, warnings and rules pages: staff start a recovery and acknowledge
 * a warning, a viewer sees no action, and another tenant's admin gets the 403 page.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class UiCasesRulesWarningsBrowserTest {

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
    WarningService warnings;

    @BeforeEach
    void incidents() {
        UiIncidentSample.incidents(fixtures, connections, json, plans, warnings);
    }

    private String base() {
        String url = root.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Test
    void staffWalkCasesWarningsAndRulesAndAct() {
        String acmeCase = UiIncidentSample.caseOf(fixtures, "acme");
        String acmeWarning = UiIncidentSample.warningOf(fixtures, "acme");
        try (UiBrowser browser = UiBrowser.logIn(base(), "herd-admin")) {
            browser.open("/ui/tenants/acme");
            browser.driver().findElement(By.linkText("Rules")).click();
            browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("rules")));
            String rules = browser.text("rules");
            assertTrue(rules.contains("CVE-2099-0131"), rules);
            assertTrue(rules.contains("2: acme-web1, acme-web2"), rules);
            assertTrue(rules.contains("DEPLOYED") && rules.contains("revision"), rules);
            assertFalse(rules.contains("globex-web1"), "globex's machine among acme's rules");
            browser.screenshot("rules");
            browser.driver().findElement(By.cssSelector("#nftables summary")).click();
            browser.driver().findElement(By.cssSelector("#suricata summary")).click();
            assertTrue(browser.text("nftables").contains("table"), browser.text("nftables"));
            assertTrue(browser.text("suricata").contains("HEARTBLEED"), browser.text("suricata"));
            browser.screenshot("rules-bundle");

            browser.driver().findElement(By.linkText("Topology")).click();
            browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("machines")));
            String web1 = browser.driver()
                    .findElement(By.xpath("//table[@id='machines']//tr[td/a[text()='acme-web1']]"))
                    .getText();
            assertTrue(web1.contains("damaged") && web1.contains("isolated (DROP_SIGNATURE)"), web1);
            assertTrue(browser.text("isolation").contains("fw-dmz"), browser.text("isolation"));
            browser.await()
                    .until(d ->
                            !d.findElements(By.cssSelector("#topology canvas")).isEmpty());
            browser.screenshot("topology-isolated");

            browser.driver().findElement(By.linkText("Damage cases")).click();
            browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("cases")));
            String section = browser.text("case-" + acmeCase);
            assertTrue(section.contains("fw-dmz"), section);
            assertTrue(section.contains("DROP_SIGNATURE"), section);
            assertTrue(section.contains("acme-web1"), section);
            assertTrue(section.contains("damage detected"), "the timeline starts with the detection: " + section);
            browser.screenshot("cases");
            WebElement form = browser.driver().findElement(By.cssSelector("#recovery-" + acmeCase + " form"));
            form.findElement(By.name("playbook")).sendKeys("RESTART_SERVICE tcp/443\nDELETE_FILES /var/www/shell.php");
            form.findElement(By.xpath(".//button[text()='Start recovery']")).click();
            browser.await().until(ExpectedConditions.alertIsPresent()).accept();
            // htmx swaps the element while the wait reads it
            browser.await()
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.id("recovery-" + acmeCase))
                                    .getText()
                                    .contains("Recovery ordered at fw-dmz")
                            || !browser.text("messages").isBlank());
            assertEquals("", browser.text("messages"));
            assertTrue(browser.text("recovery-" + acmeCase).contains("RESTART_SERVICE tcp/443"));
            assertEquals(
                    1,
                    fixtures.count(
                            "SELECT count(*) FROM damage_case WHERE tenant_id = 'acme' AND state = 'RECOVERING'"));
            browser.screenshot("case-recovery-ordered");
            browser.open("/ui/tenants/acme/cases");
            assertTrue(browser.text("case-" + acmeCase).contains("recovery ordered by herd-admin"));

            browser.driver().findElement(By.linkText("Warnings")).click();
            browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("warnings")));
            String row = browser.text("warning-" + acmeWarning);
            assertTrue(row.contains(UiIncidentSample.PROBE), row);
            assertTrue(row.contains("reported by 2 other tenants"), row);
            assertTrue(row.contains("Block traffic carrying signature"), row);
            assertTrue(row.contains("OPEN"), row);
            assertFalse(browser.html().contains("initech"), "a warning named a reporting tenant");
            assertFalse(browser.html().contains("umbrella"), "a warning named a reporting tenant");
            browser.screenshot("warnings");
            WebElement warning = browser.driver().findElement(By.id("warning-" + acmeWarning));
            warning.findElement(By.name("note")).sendKeys("probe signature dropped at the edge");
            warning.findElement(By.xpath(".//button[text()='Applied']")).click();
            // htmx swaps the element while the wait reads it
            browser.await()
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.id("warning-" + acmeWarning))
                                    .getText()
                                    .contains("Warning acknowledged")
                            || !browser.text("messages").isBlank());
            assertEquals("", browser.text("messages"));
            assertTrue(browser.text("warning-" + acmeWarning).contains("APPLIED"));
            assertEquals(
                    1,
                    fixtures.count("SELECT count(*) FROM tenant_warning WHERE tenant_id = 'acme' AND state = 'APPLIED' "
                            + "AND applied_by = 'herd-admin'"));
            browser.screenshot("warning-applied");

            // staff naming globex's case under acme: not found there
            String globexCase = UiIncidentSample.caseOf(fixtures, "globex");
            assertEquals(404L, browser.postFromPage("/ui/tenants/acme/cases/" + globexCase + "/recover", true));
        }
    }

    @Test
    void aRecoveryIsConfirmedByHandAndTheViewerAndGlobexCannot() {
        String acmeCase = UiIncidentSample.caseOf(fixtures, "acme");
        String globexCase = UiIncidentSample.caseOf(fixtures, "globex");
        // The recovery was applied "in an hour": the quiet period cannot confirm it by itself during the test.
        fixtures.execute("UPDATE damage_case SET state = 'CONFIRMING', recovery_applied_at = now() + interval '1 hour' "
                + "WHERE tenant_id = 'acme'");
        try (UiBrowser browser = UiBrowser.logIn(base(), "acme-viewer")) {
            browser.open("/ui/tenants/acme/cases");
            assertTrue(browser.buttons("Confirm recovery").isEmpty());
            assertEquals(403L, browser.postFromPage("/ui/tenants/acme/cases/" + acmeCase + "/confirm", true));
        }
        try (UiBrowser browser = UiBrowser.logIn(base(), "acme-admin")) {
            browser.open("/ui/tenants/acme/cases");
            assertEquals(403L, browser.postFromPage("/ui/tenants/globex/cases/" + globexCase + "/confirm", true));
            browser.buttons("Confirm recovery").get(0).click();
            browser.await().until(ExpectedConditions.alertIsPresent()).accept();
            browser.await()
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.id("confirmation-" + acmeCase))
                                    .getText()
                                    .contains("Recovery confirmed")
                            || !browser.text("messages").isBlank());
            assertEquals("", browser.text("messages"));
            browser.screenshot("case-confirmed");
            assertEquals(
                    1,
                    fixtures.count(
                            "SELECT count(*) FROM damage_case WHERE tenant_id = 'acme' AND state = 'UNISOLATING'"));
            browser.open("/ui/tenants/acme/cases");
            assertTrue(browser.text("case-" + acmeCase).contains("recovery confirmed by acme-admin"));
            assertTrue(browser.buttons("Confirm recovery").isEmpty(), "confirmed once");
            assertEquals(409L, browser.postFromPage("/ui/tenants/acme/cases/" + acmeCase + "/confirm", true));
        }
        assertEquals(
                0,
                fixtures.count(
                        "SELECT count(*) FROM damage_case WHERE tenant_id = 'globex' AND state = 'UNISOLATING'"));
    }

    @Test
    void viewerSeesNoActionsAndAForgedPostIsRefused() {
        try (UiBrowser browser = UiBrowser.logIn(base(), "acme-viewer")) {
            browser.open("/ui/tenants/acme/cases");
            assertTrue(browser.text("cases").contains("fw-dmz"), browser.text("cases"));
            assertTrue(browser.buttons("Start recovery").isEmpty());
            browser.open("/ui/tenants/acme/warnings");
            assertTrue(browser.text("warnings").contains(UiIncidentSample.PROBE));
            assertTrue(browser.buttons("Applied").isEmpty());
            browser.open("/ui/tenants/acme/rules");
            assertTrue(browser.text("rules").contains("CVE-2099-0131"));
            assertTrue(browser.driver().findElements(By.tagName("button")).isEmpty(), "the rules page is read only");

            String warning = UiIncidentSample.warningOf(fixtures, "acme");
            String acmeCase = UiIncidentSample.caseOf(fixtures, "acme");
            assertEquals(403L, browser.postFromPage("/ui/tenants/acme/warnings/" + warning + "/applied", true));
            assertEquals(403L, browser.postFromPage("/ui/tenants/acme/cases/" + acmeCase + "/recover", true));
            assertEquals(0, fixtures.count("SELECT count(*) FROM tenant_warning WHERE state = 'APPLIED'"));
            assertEquals(0, fixtures.count("SELECT count(*) FROM damage_case WHERE state = 'RECOVERING'"));
        }
    }

    @Test
    void tenantAdminTypingGlobexsUrlsGetsA403PageWithoutItsData() {
        String globexCase = UiIncidentSample.caseOf(fixtures, "globex");
        String globexWarning = UiIncidentSample.warningOf(fixtures, "globex");
        try (UiBrowser browser = UiBrowser.logIn(base(), "acme-admin")) {
            for (String path :
                    List.of("/ui/tenants/globex/cases", "/ui/tenants/globex/warnings", "/ui/tenants/globex/rules")) {
                browser.open(path);
                assertEquals("403 Forbidden", browser.text("error-status"), path);
                String html = browser.html();
                assertFalse(html.contains("Globex Inc"), "globex's name leaked into " + path);
                assertFalse(html.contains("globex-web1"), "globex's machine leaked into " + path);
                assertFalse(html.contains(globexCase), "globex's case leaked into " + path);
                assertFalse(html.contains(globexWarning), "globex's warning leaked into " + path);
                assertFalse(html.contains(UiIncidentSample.GLOBEX_SIGNATURE), "globex's signature leaked into " + path);
                assertFalse(html.contains("at dev.herd"), "a stack trace on the error page");
            }
            browser.screenshot("forbidden-cases");
            assertEquals(403L, browser.postFromPage("/ui/tenants/globex/warnings/" + globexWarning + "/applied", true));
            assertEquals(403L, browser.postFromPage("/ui/tenants/globex/cases/" + globexCase + "/recover", true));
            // acme's admin naming globex's warning under acme: not found there
            assertEquals(404L, browser.postFromPage("/ui/tenants/acme/warnings/" + globexWarning + "/applied", true));
            assertEquals(0, fixtures.count("SELECT count(*) FROM tenant_warning WHERE state = 'APPLIED'"));
        }
    }

    @Test
    void notificationsByUrgencyMarkedReadAndKeptToTheirTenant() {
        String globexCase = UiIncidentSample.caseOf(fixtures, "globex");
        try (UiBrowser browser = UiBrowser.logIn(base(), "herd-admin")) {
            browser.open("/ui/tenants/acme");
            String latest = browser.text("latest-notifications");
            assertTrue(latest.contains("emergency") && latest.contains("Damage case"), latest);
            browser.driver().findElement(By.linkText("Notifications")).click();
            browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("notifications")));
            String emergency = browser.driver()
                    .findElement(By.cssSelector("section[aria-labelledby=urgency-emergency]"))
                    .getText();
            assertTrue(emergency.contains("acme") && emergency.contains("globex"), emergency);
            long unread = Long.parseLong(browser.text("unread-count"));
            assertTrue(unread >= 3, "cases at acme and globex and acme's warning: " + unread);
            browser.screenshot("notifications");
            browser.buttons("Mark read").get(0).click();
            browser.await()
                    .until(driver -> Long.parseLong(
                                    driver.findElement(By.id("unread-count")).getText())
                            == unread - 1);
            browser.driver()
                    .findElement(By.xpath("//button[text()='Mark all read']"))
                    .click();
            browser.await()
                    .until(driver ->
                            "0".equals(driver.findElement(By.id("unread-count")).getText()));
            assertTrue(browser.buttons("Mark read").isEmpty());
        }
        try (UiBrowser browser = UiBrowser.logIn(base(), "acme-viewer")) {
            browser.open("/ui/notifications");
            String shown = browser.text("notifications");
            assertTrue(shown.contains("Damage case"), shown);
            assertFalse(shown.contains("globex"), "globex's notifications shown to acme: " + shown);
            assertTrue(Long.parseLong(browser.text("unread-count")) > 0, "read by herd-admin, not by acme-viewer");
            assertEquals(404L, browser.postFormFromPage("/ui/notifications/read", "key", "case:" + globexCase));
            assertEquals(403L, browser.postFromPage("/ui/notifications/read-all", false), "no CSRF token");
        }
    }
}
