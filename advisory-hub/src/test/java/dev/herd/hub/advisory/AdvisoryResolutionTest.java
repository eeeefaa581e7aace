package dev.herd.hub.advisory;

import static dev.herd.hub.HubFixtures.CSAF_PROVIDER;
import static dev.herd.hub.HubFixtures.OSV_PROVIDER;
import static dev.herd.hub.HubFixtures.RUMOUR_PROVIDER;
import static dev.herd.hub.HubFixtures.pushFor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.herd.hub.HubFixtures;
import dev.herd.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One vulnerability, several providers: trust tier decides conflicts, then recency; withdrawals withdraw. */
@QuarkusTest
class AdvisoryResolutionTest {

    @Inject
    HubFixtures fixtures;

    @BeforeEach
    void clean() {
        fixtures.resetWithProviders();
    }

    @Test
    void lowTierAloneIsNotActionableUntilATrustedProviderAgrees() {
        pushFor(RUMOUR_PROVIDER, osv("x_rumour-1", "Rumoured hole", "2026-01-02T00:00:00Z", false))
                .then()
                .body("results[0].status", equalTo("accepted"));
        advisory().body("actionable", equalTo(false)).body("title", equalTo("Rumoured hole"));

        pushFor(OSV_PROVIDER, osv("OSV-1", "Confirmed hole", "2026-01-01T00:00:00Z", false))
                .then()
                .body("results[0].status", equalTo("merged"))
                .body("results[0].mergedInto", equalTo("CVE-2026-2222"));
        // The trusted provider's title wins even though the rumour is more recent.
        advisory()
                .body("actionable", equalTo(true))
                .body("title", equalTo("Confirmed hole"))
                .body("provenance.provider", containsInAnyOrder(RUMOUR_PROVIDER, OSV_PROVIDER))
                .body("provenance.find { it.provider == 'rumours' }.verified", equalTo(false));
    }

    @Test
    void amongEquallyTrustedProvidersTheHigherTierThenTheNewerWins() {
        pushFor(OSV_PROVIDER, osv("OSV-1", "Old title", "2026-01-01T00:00:00Z", false));
        pushFor(CSAF_PROVIDER, osv("x_vendor-1", "Vendor title", "2025-06-01T00:00:00Z", false));
        advisory().body("title", equalTo("Vendor title"));
        pushFor(CSAF_PROVIDER, osv("x_vendor-1", "Vendor title, revised", "2026-02-01T00:00:00Z", false))
                .then()
                .body("results[0].status", equalTo("accepted"));
        advisory().body("title", equalTo("Vendor title, revised"));
    }

    @Test
    void withdrawingEveryStatementWithdrawsTheAdvisory() {
        pushFor(OSV_PROVIDER, osv("OSV-1", "A hole", "2026-01-01T00:00:00Z", false));
        pushFor(CSAF_PROVIDER, osv("x_vendor-1", "A hole", "2026-01-01T00:00:00Z", false));
        pushFor(CSAF_PROVIDER, osv("x_vendor-1", "A hole", "2026-03-01T00:00:00Z", true));
        advisory().body("withdrawnAt", nullValue()).body("provenance.withdrawn", containsInAnyOrder(false, true));
        pushFor(OSV_PROVIDER, osv("OSV-1", "A hole", "2026-03-02T00:00:00Z", true));
        advisory().body("withdrawnAt", notNullValue());
    }

    private static ValidatableResponse advisory() {
        return given().auth()
                .oauth2(KeycloakTokens.user("herd-admin"))
                .get("/api/advisories/CVE-2026-2222")
                .then()
                .statusCode(200);
    }

    private static String osv(String id, String summary, String modified, boolean withdrawn) {
        return """
                {"id":"%s","modified":"%s",%s"aliases":["CVE-2026-2222"],"summary":"%s",
                 "affected":[{"package":{"ecosystem":"PyPI","name":"holey"},
                   "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"2.0"}]}]}]}
                """.formatted(id, modified, withdrawn ? "\"withdrawn\":\"" + modified + "\"," : "", summary);
    }
}
