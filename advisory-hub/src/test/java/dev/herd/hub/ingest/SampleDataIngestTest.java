package dev.herd.hub.ingest;

import static dev.herd.hub.HubFixtures.CSAF_PROVIDER;
import static dev.herd.hub.HubFixtures.OSV_PROVIDER;
import static dev.herd.hub.HubFixtures.pushFor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herd.hub.HubFixtures;
import dev.herd.testing.KeycloakTokens;
import dev.herd.testing.SharedData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real sample data (../shared/data) through the push API, with the canonical advisories it must produce. */
@QuarkusTest
class SampleDataIngestTest {

    @Inject
    HubFixtures fixtures;

    @BeforeEach
    void clean() {
        fixtures.resetWithProviders();
    }

    @Test
    void debianAdvisoriesBecomeOneAdvisoryPerCve() throws Exception {
        pushFor(OSV_PROVIDER, Files.readString(SharedData.file("debian12/debian12-dev-osv.json")))
                .then()
                .statusCode(200)
                .body("accepted", equalTo(2879))
                .body("merged", equalTo(1))
                .body("rejected", equalTo(0));
        // Two Debian documents name CVE-2022-1271 (gzip and xz-utils): one advisory, both packages, both documents.
        advisory("CVE-2022-1271")
                .body(
                        "aliases",
                        hasItems("CVE-2022-1271", "DEBIAN-CVE-2022-1271-gzip", "DEBIAN-CVE-2022-1271-xz-utils"))
                .body("affected.name", containsInAnyOrder("gzip", "xz-utils"))
                .body(
                        "affected.sourceDocument",
                        containsInAnyOrder("DEBIAN-CVE-2022-1271-gzip", "DEBIAN-CVE-2022-1271-xz-utils"))
                .body("affected.find { it.name == 'gzip' }.ranges[0].events[1].fixed", equalTo("1.12-1"))
                .body("severity", equalTo("HIGH"))
                .body(
                        "provenance.documentId",
                        containsInAnyOrder("DEBIAN-CVE-2022-1271-gzip", "DEBIAN-CVE-2022-1271-xz-utils"));
        advisory("CVE-2025-0838")
                .body("affected[0].ecosystem", equalTo("Debian:12"))
                .body("affected[0].name", equalTo("abseil"))
                .body("patches[0].fixedVersion", equalTo("20220623.1-1+deb12u1"))
                .body("actionable", equalTo(true))
                .body("knownExploited", equalTo(false));
        assertEquals(2880, fixtures.count("provenance"));
    }

    @Test
    void kevMarksDebianAdvisoriesKnownExploitedAndRaisesTheirEmergencyLevel() throws Exception {
        pushFor(OSV_PROVIDER, Files.readString(SharedData.file("debian12/debian12-dev-osv.json")))
                .then()
                .statusCode(200);
        advisory("CVE-2021-4034").body("knownExploited", equalTo(false));
        pushFor(CSAF_PROVIDER, Files.readString(SharedData.file("kev/known_exploited_vulnerabilities.json")))
                .then()
                .statusCode(200)
                .body("results[0].status", equalTo("accepted"))
                .body("results[0].counts.merged", equalTo(11));
        advisory("CVE-2021-4034")
                .body("knownExploited", equalTo(true))
                .body("emergencyLevel", equalTo(3))
                .body("affected[0].name", equalTo("policykit-1"))
                .body("provenance.format", containsInAnyOrder("OSV", "KEV"));
        given().auth()
                .oauth2(KeycloakTokens.user("herd-analyst"))
                .queryParam("knownExploited", true)
                .queryParam("ecosystem", "Debian:12")
                .get("/api/advisories")
                .then()
                .statusCode(200)
                .body("total", equalTo(11));
    }

    @Test
    void realOsvRecordsOfSeveralEcosystemsAreAcceptedWithTheirScores() throws Exception {
        try (Stream<Path> files = Files.list(SharedData.file("osv"))) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("schema.json"))
                    .toList()) {
                pushFor(OSV_PROVIDER, Files.readString(file))
                        .then()
                        .statusCode(200)
                        .body("rejected", equalTo(0));
            }
        }
        advisory("CVE-2024-39236")
                .body("aliases", hasItem("GHSA-9v2f-6vcg-3hgv"))
                .body("cvssScore", equalTo(9.8f))
                .body("severity", equalTo("CRITICAL"))
                .body("emergencyLevel", equalTo(2))
                .body("affected[0].ecosystem", equalTo("PyPI"));
        advisory("CVE-2018-5407")
                .body("cvssVector", equalTo("CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:H/I:N/A:N"))
                .body("cvssScore", equalTo(4.7f))
                .body("severity", equalTo("MEDIUM"));
        advisory("CVE-2020-36567").body("affected[0].ranges[0].type", equalTo("SEMVER"));
    }

    @Test
    void theSixRealCsafAdvisoriesPassEveryMandatoryTestAndGiveOneAdvisoryPerCve() throws Exception {
        try (Stream<Path> files = Files.list(SharedData.file("csaf"))) {
            for (Path file : files.filter(f -> !Files.isDirectory(f))
                    .filter(f -> !f.getFileName().toString().contains("example"))
                    .toList()) {
                pushFor(CSAF_PROVIDER, Files.readString(file))
                        .then()
                        .statusCode(200)
                        .body("rejected", equalTo(0))
                        .body("results[0].format", equalTo("CSAF"));
            }
        }
        advisory("CVE-2020-10188")
                .body("patches.vendorPatchId", hasItem("RHSA-2022:0011"))
                .body("provenance.documentId", hasItem("RHSA-2022:0011/CVE-2020-10188"));
    }

    @Test
    void aCsafDocumentBreakingAMandatoryTestIsRejectedNamingTheTest() throws Exception {
        String broken = Files.readString(SharedData.file("csaf/rhsa-2022_0011.json"))
                .replaceFirst("\"product_id\": \"7Server-7.6.AUS\"", "\"product_id\": \"7Server-7.6.AUS-renamed\"");
        pushFor(CSAF_PROVIDER, broken)
                .then()
                .statusCode(200)
                .body("results[0].status", equalTo("rejected"))
                .body("results[0].errors.code", hasItem("csaf-6.1.1"))
                .body(
                        "results[0].errors.message",
                        hasItem(org.hamcrest.Matchers.startsWith("6.1.1 Missing Definition of Product ID")));
        assertEquals(0, fixtures.count("advisory"));
    }

    private static io.restassured.response.ValidatableResponse advisory(String id) {
        return given().auth()
                .oauth2(KeycloakTokens.user("herd-analyst"))
                .get("/api/advisories/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
    }
}
