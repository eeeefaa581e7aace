package dev.herd.hub.advisory;

import static dev.herd.hub.HubFixtures.OSV_PROVIDER;
import static dev.herd.hub.HubFixtures.pushFor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import dev.herd.hub.HubFixtures;
import dev.herd.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The query API: by package, alias, severity, known-exploited and change time, paged; bad filters are 400s. */
@QuarkusTest
class AdvisoryResourceTest {

    @Inject
    HubFixtures fixtures;

    @BeforeEach
    void threeAdvisories() {
        fixtures.resetWithProviders();
        pushFor(
                        OSV_PROVIDER,
                        "[" + osv("OSV-A-1", "CVE-2026-0001", "openssl", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")
                                + ","
                                + osv(
                                        "OSV-A-2",
                                        "CVE-2026-0002",
                                        "openssl",
                                        "CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:H/I:N/A:N")
                                + ","
                                + osv(
                                        "OSV-A-3",
                                        "CVE-2026-0003",
                                        "zlib",
                                        "CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:H/I:N/A:N")
                                + "]")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(3));
    }

    @Test
    void byEcosystemAndPackage() {
        analyst()
                .queryParam("ecosystem", "Debian:12")
                .queryParam("package", "openssl")
                .get("/api/advisories")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.id", contains("CVE-2026-0001", "CVE-2026-0002"));
        analyst()
                .queryParam("ecosystem", "Debian:11")
                .queryParam("package", "openssl")
                .get("/api/advisories")
                .then()
                .body("total", equalTo(0));
    }

    @Test
    void byAliasCaseInsensitively() {
        analyst()
                .queryParam("alias", "osv-a-3")
                .get("/api/advisories")
                .then()
                .body("items.id", contains("CVE-2026-0003"));
    }

    @Test
    void bySeverityAndPaged() {
        analyst()
                .queryParam("severity", "medium")
                .queryParam("size", 1)
                .queryParam("page", 1)
                .get("/api/advisories")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items", hasSize(1))
                .body("items.severity", everyItem(equalTo("MEDIUM")));
    }

    @Test
    void modifiedSinceReturnsOnlyLaterChanges() {
        Instant between = Instant.now();
        pushFor(OSV_PROVIDER, osv("OSV-A-4", "CVE-2026-0004", "curl", null))
                .then()
                .statusCode(200);
        analyst()
                .queryParam("modifiedSince", between.toString())
                .get("/api/advisories")
                .then()
                .body("items.id", contains("CVE-2026-0004"));
    }

    @Test
    void badFiltersAreProblems() {
        analyst()
                .queryParam("severity", "apocalyptic")
                .get("/api/advisories")
                .then()
                .statusCode(400)
                .body("code", equalTo("severity-unknown"));
        analyst()
                .queryParam("modifiedSince", "last tuesday")
                .get("/api/advisories")
                .then()
                .statusCode(400)
                .body("code", equalTo("modified-since-invalid"));
        analyst().queryParam("size", 100000).get("/api/advisories").then().statusCode(400);
        analyst().get("/api/advisories/NOPE-1").then().statusCode(404).body("code", equalTo("advisory-not-found"));
    }

    @Test
    void customersAndGatewaysCannotReadTheHub() {
        given().auth()
                .oauth2(KeycloakTokens.user("acme-admin"))
                .get("/api/advisories")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(KeycloakTokens.client("gateway-acme", "gateway-acme-secret"))
                .get("/api/advisories/CVE-2026-0001")
                .then()
                .statusCode(403);
    }

    private static RequestSpecification analyst() {
        return given().auth().oauth2(KeycloakTokens.user("herd-analyst"));
    }

    private static String osv(String id, String cve, String pkg, String vector) {
        String severity = vector == null ? "" : "\"severity\":[{\"type\":\"CVSS_V3\",\"score\":\"" + vector + "\"}],";
        return """
                {"id":"%s","modified":"2026-01-01T00:00:00Z","aliases":["%s"],%s
                 "affected":[{"package":{"ecosystem":"Debian:12","name":"%s"},
                   "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"9.9-1"}]}]}]}
                """.formatted(id, cve, severity, pkg);
    }
}
