package dev.herd.hub.epss;

import static dev.herd.hub.HubFixtures.OSV_PROVIDER;
import static dev.herd.hub.HubFixtures.pushFor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.advisory.AdvisoryChanged;
import dev.herd.hub.HubFixtures;
import dev.herd.testing.EmbeddedArtemisResource;
import dev.herd.testing.KeycloakTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** FIRST.org's EPSS CSV, plain or gzipped, scores the advisories its CVEs name and announces those that changed. */
@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class EpssImportTest {

    @Inject
    HubFixtures fixtures;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @BeforeEach
    void advisories() {
        fixtures.resetWithProviders();
        push("OSV-EPSS-1", "[\"CVE-2024-0001\"]");
        push("CVE-2024-0002", "[]");
        push("OSV-EPSS-3", "[\"CVE-2024-0003\",\"CVE-2024-0004\"]");
        push("OSV-EPSS-9", "[\"CVE-2024-0009\"]");
        clearOutbox();
    }

    @Test
    void thePlainFileScoresEveryAdvisoryItsCvesName() throws Exception {
        importFile("epss_scores-2025-03-14.csv", "text/csv")
                .then()
                .statusCode(200)
                .body("scored", equalTo(5))
                .body("modelVersion", equalTo("v2025.03.14"))
                .body("scoreDate", equalTo("2025-03-14"))
                .body("advisoriesChanged", equalTo(3));

        Map<String, AdvisoryChanged> announced = announced();
        assertEquals(List.of("CVE-2024-0001", "CVE-2024-0002", "OSV-EPSS-3"), List.copyOf(announced.keySet()));
        assertEquals(0.00043, announced.get("CVE-2024-0001").epss());
        assertEquals(0.10831, announced.get("CVE-2024-0001").epssPercentile());
        assertEquals(0.9447, announced.get("CVE-2024-0002").epss());
        // The highest score among the advisory's CVEs, with that CVE's percentile.
        assertEquals(0.17302, announced.get("OSV-EPSS-3").epss());
        assertEquals(0.94785, announced.get("OSV-EPSS-3").epssPercentile());
        assertEquals(AdvisoryChanged.Change.UPDATED, announced.get("OSV-EPSS-3").change());
        given().auth()
                .oauth2(KeycloakTokens.user("herd-admin"))
                .get("/api/epss/cve-1999-0001")
                .then()
                .statusCode(200)
                .body("epss", equalTo(0.01297f));
    }

    @Test
    void theSameScoresGzippedAnnounceNothingAndAChangedScoreOnlyItsAdvisory() throws Exception {
        importFile("epss_scores-2025-03-14.csv", "text/csv").then().statusCode(200);
        clearOutbox();

        importFile("epss_scores-2025-03-14.csv.gz", "application/gzip")
                .then()
                .statusCode(200)
                .body("scored", equalTo(5))
                .body("advisoriesChanged", equalTo(0));
        assertEquals(0, fixtures.count("outbox_message"));

        importFile("epss_scores-2025-03-15.csv", "text/csv")
                .then()
                .statusCode(200)
                .body("advisoriesChanged", equalTo(1));
        Map<String, AdvisoryChanged> announced = announced();
        assertEquals(List.of("CVE-2024-0002"), List.copyOf(announced.keySet()));
        assertEquals(0.95012, announced.get("CVE-2024-0002").epss());
    }

    @Test
    void anAdvisoryArrivingAfterTheScoresIsAnnouncedWithItsScore() throws Exception {
        importFile("epss_scores-2025-03-14.csv", "text/csv").then().statusCode(200);
        clearOutbox();
        push("OSV-EPSS-NEW", "[\"CVE-1999-0001\"]");
        AdvisoryChanged created = announced().get("CVE-1999-0001");
        assertEquals(0.01297, created.epss());
        assertEquals(0.79206, created.epssPercentile());
    }

    @Test
    void aBadFileIsRefusedNamingTheLineAndStoresNothing() {
        importFile("epss_scores-2025-03-14.csv", "text/csv").then().statusCode(200);
        clearOutbox();
        String header = "#model_version:v2025.03.14,score_date:2025-03-16T00:00:00Z\ncve,epss,percentile\n";

        refused("{\"id\":\"OSV-1\"}\n", "epss-not-epss", "line 1");
        refused(header + "CVE-2024-0002,0.5,0.9\nCVE-2024-0001,1.7,0.99\n", "epss-out-of-range", "line 4");
        refused(header + "CVE-2024-0002,0.5,0.9\nCVE-2024-0001,0.1,-0.2\n", "epss-out-of-range", "line 4");
        refused(header + "CVE-2024-0002,0.5,0.9\nnot-a-cve,0.1,0.2\n", "epss-row-invalid", "line 4");
        refused(header + "CVE-2024-0002,0.5\n", "epss-row-invalid", "line 3");
        refused(header + "CVE-2024-0002,0.5,0.9\nCVE-2024-0001,0.1,0.2\u0000\n", "nul-character", "line 4");
        refused(header, "epss-empty", "no scores");

        // The first good row of each refused file was not stored, nor announced.
        assertEquals(0, fixtures.count("outbox_message"));
        assertEquals(0.9447, score("CVE-2024-0002"));
    }

    @Test
    void onlyTheMsspAdminImports() {
        given().auth()
                .oauth2(KeycloakTokens.client("provider-osv-demo", "provider-osv-demo-secret"))
                .contentType("text/csv")
                .body("cve,epss,percentile\nCVE-2024-0001,0.1,0.2\n")
                .post("/api/epss")
                .then()
                .statusCode(403);
        given().contentType("text/csv")
                .body("cve,epss,percentile\nCVE-2024-0001,0.1,0.2\n")
                .post("/api/epss")
                .then()
                .statusCode(401);
        assertEquals(0, fixtures.count("epss_score"));
    }

    private void refused(String body, String code, String line) {
        given().auth()
                .oauth2(KeycloakTokens.user("herd-admin"))
                .contentType("text/csv")
                .body(body)
                .post("/api/epss")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo(code))
                .body("detail", containsString(line));
    }

    private double score(String cve) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("SELECT epss FROM epss_score WHERE cve = :cve")
                                .setParameter("cve", cve)
                                .getSingleResult())
                        .doubleValue());
    }

    private static Response importFile(String name, String contentType) {
        byte[] bytes;
        try (InputStream in = EpssImportTest.class.getResourceAsStream("/epss/" + name)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return given().auth()
                .oauth2(KeycloakTokens.user("herd-admin"))
                .contentType(contentType)
                .body(bytes)
                .post("/api/epss");
    }

    private static void push(String id, String aliases) {
        pushFor(OSV_PROVIDER, """
                        {"id":"%s","modified":"2026-01-01T00:00:00Z","aliases":%s,
                         "affected":[{"package":{"ecosystem":"npm","name":"left-pad"},
                           "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"1.3.0"}]}]}]}
                        """.formatted(id, aliases))
                .then()
                .statusCode(200)
                .body("results[0].status", equalTo("accepted"));
    }

    /** The announcements waiting in the outbox, by advisory. */
    private Map<String, AdvisoryChanged> announced() throws Exception {
        @SuppressWarnings("unchecked")
        List<String> payloads = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("SELECT payload FROM outbox_message ORDER BY created_at")
                        .getResultList());
        Map<String, AdvisoryChanged> byId = new TreeMap<>();
        for (String payload : payloads) {
            AdvisoryChanged changed = json.readValue(payload, AdvisoryChanged.class);
            byId.put(changed.advisoryId(), changed);
        }
        return byId;
    }

    private void clearOutbox() {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("DELETE FROM outbox_message").executeUpdate());
    }

    @Test
    void anOldAnnouncementWithoutScoresStillReads() throws Exception {
        AdvisoryChanged old = json.readValue(
                "{\"advisoryId\":\"CVE-2024-0001\",\"change\":\"UPDATED\",\"actionable\":true,"
                        + "\"knownExploited\":false,\"emergencyLevel\":0,\"packages\":[],"
                        + "\"modifiedAt\":\"2026-01-01T00:00:00Z\"}",
                AdvisoryChanged.class);
        assertNull(old.epss());
        assertNull(old.epssPercentile());
    }
}
