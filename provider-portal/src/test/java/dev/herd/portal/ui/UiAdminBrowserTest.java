package dev.herd.portal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.damage.DamageReport;
import dev.herd.portal.support.PortalFixtures;
import dev.herd.testing.EmbeddedArtemisResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.TextMessage;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The admin pages against the real advisory hub ({@link HubServerResource}): an MSSP admin reads providers, sources,
 * rejections and community advisories and revokes one after confirming; analysts and tenant users get the 403 page
 * and a forged revocation is refused.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
@QuarkusTestResource(value = HubServerResource.class, restrictToAnnotatedClass = true)
class UiAdminBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    PortalFixtures fixtures;

    @Inject
    ObjectMapper json;

    private String community;

    @BeforeEach
    void hubData() throws Exception {
        fixtures.execute("INSERT INTO hub.provider (id, display_name, trust_tier) VALUES ('ui-test-feed', "
                + "'UI test feed', 2) ON CONFLICT (id) DO UPDATE SET trust_tier = 2");
        fixtures.execute("DELETE FROM hub.pull_source WHERE provider_id = 'ui-test-feed'");
        fixtures.execute("INSERT INTO hub.pull_source (provider_id, kind, location, interval_minutes, created_at, "
                + "state, last_started_at, last_finished_at, last_errors) VALUES ('ui-test-feed', 'OSV_FOLDER', "
                + "'https://feeds.example/osv/', 60, now(), 'failed', now() - interval '5 minutes', now(), "
                + "'[{\"location\": \"https://feeds.example/osv/\", \"code\": \"source-unreadable\", "
                + "\"message\": \"connection refused\"}]')");
        fixtures.execute("DELETE FROM hub.rejection WHERE provider_id = 'ui-test-feed'");
        fixtures.execute("INSERT INTO hub.rejection (provider_id, document_id, format, errors, received_at, "
                + "submitted_by) VALUES ('ui-test-feed', 'UITEST-2026-0001', 'CSAF', '[{\"code\": "
                + "\"csaf-6.1.1\", \"message\": \"a product id is referenced but not defined\"}]', now(), 'ui-test')");
        UUID reportId = UUID.randomUUID();
        String signature = "ui-admin-test-" + reportId;
        DamageReport report = new DamageReport(
                reportId,
                "pseudonym-ui-test",
                Instant.now(),
                List.of(new DamageReport.Indicator(DamageReport.Type.SIGNATURE, signature, "tcp", 8080)),
                2,
                "seen by the admin pages' test");
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(HubServerResource.brokerUrl());
                JMSContext context = factory.createContext()) {
            TextMessage message = context.createTextMessage(json.writeValueAsString(report));
            message.setStringProperty("_AMQ_DUPL_ID", reportId.toString());
            message.setStringProperty("herd_key", "pseudonym-ui-test");
            context.createProducer().send(context.createTopic(DamageReport.ADDRESS), message);
        }
        PortalFixtures.await(
                "the hub made a community advisory of the report",
                Duration.ofSeconds(60),
                () -> fixtures.count("SELECT count(*) FROM hub.community_report WHERE report_id = '" + reportId + "'")
                        == 1);
        community = fixtures.text("SELECT advisory_id FROM hub.community_report WHERE report_id = '" + reportId + "'");
    }

    @Test
    void adminReadsTheHubAndRevokesACommunityAdvisoryAfterConfirming() {
        try (UiBrowser browser = UiBrowser.logIn(base(), "herd-admin")) {
            browser.open("/ui/admin/providers");
            String providers = browser.text("providers");
            assertTrue(providers.contains("ui-test-feed") && providers.contains("UI test feed"), providers);
            browser.screenshot("admin-providers");

            browser.driver().findElement(By.linkText("Sources")).click();
            browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("sources")));
            String sources = browser.text("sources");
            assertTrue(sources.contains("failed") && sources.contains("connection refused"), sources);
            browser.screenshot("admin-sources");

            browser.open("/ui/admin/rejections");
            String rejections = browser.text("rejections");
            assertTrue(rejections.contains("UITEST-2026-0001") && rejections.contains("csaf-6.1.1"), rejections);
            browser.screenshot("admin-rejections");
            browser.open("/ui/admin/rejections?page=zero");
            assertEquals("400 Bad Request", browser.text("error-status"));

            browser.open("/ui/admin/community");
            WebElement row = browser.driver().findElement(By.id("community-" + community));
            assertTrue(row.getText().contains("ACTIVE"), row.getText());
            browser.screenshot("admin-community");
            // a blank reason is refused before the hub is asked; an unknown advisory is the hub's 404
            assertEquals(400L, browser.postFormFromPage("/ui/admin/community/" + community + "/revoke", "reason", " "));
            assertEquals(404L, browser.postFormFromPage("/ui/admin/community/NO-SUCH-1/revoke", "reason", "test"));
            assertEquals(
                    0,
                    fixtures.count("SELECT count(*) FROM hub.community_advisory WHERE revoked_at IS NOT NULL "
                            + "AND advisory_id = '" + community + "'"));

            row.findElement(By.name("reason")).sendKeys("false positive: our own scanner");
            row.findElement(By.xpath(".//button[text()='Revoke']")).click();
            browser.await().until(ExpectedConditions.alertIsPresent());
            browser.driver().switchTo().alert().accept();
            browser.await()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.id("community-" + community), "Revoked"));
            assertTrue(browser.text("community-" + community).contains("false positive"));
            assertEquals(
                    1,
                    fixtures.count("SELECT count(*) FROM hub.community_advisory WHERE revoked_at IS NOT NULL "
                            + "AND revoked_by = 'herd-admin' AND advisory_id = '" + community + "'"));
            browser.screenshot("admin-community-revoked");
        }
    }

    @Test
    void analystsAndTenantUsersGetThe403PageAndAForgedRevocationIsRefused() {
        for (String user : List.of("herd-analyst", "acme-admin")) {
            try (UiBrowser browser = UiBrowser.logIn(base(), user)) {
                for (String page : List.of("providers", "sources", "rejections", "community")) {
                    browser.open("/ui/admin/" + page);
                    assertEquals("403 Forbidden", browser.text("error-status"), user + " on " + page);
                    assertFalse(browser.html().contains("ui-test-feed"), "hub data leaked to " + user);
                }
                assertEquals(
                        403L,
                        browser.postFormFromPage("/ui/admin/community/" + community + "/revoke", "reason", "forged"));
            }
        }
        assertEquals(
                0,
                fixtures.count("SELECT count(*) FROM hub.community_advisory WHERE revoked_at IS NOT NULL "
                        + "AND advisory_id = '" + community + "'"));
    }

    private String base() {
        String url = root.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
