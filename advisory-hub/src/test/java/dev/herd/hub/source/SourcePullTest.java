package dev.herd.hub.source;

import static dev.herd.hub.HubFixtures.CSAF_PROVIDER;
import static dev.herd.hub.HubFixtures.OSV_PROVIDER;
import static dev.herd.hub.source.SourceFixtures.addSource;
import static dev.herd.hub.source.SourceFixtures.csafProvider;
import static dev.herd.hub.source.SourceFixtures.registerKey;
import static dev.herd.hub.source.SourceFixtures.runAndWait;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import dev.herd.hub.HubFixtures;
import dev.herd.hub.verification.OpenPgpTestKey;
import dev.herd.testing.KeycloakTokens;
import dev.herd.testing.SharedData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pulls from local and http sources: integrity checks, incremental pulls, every kind, and the status view. */
@QuarkusTest
class SourcePullTest {

    private static final OpenPgpTestKey KEY = OpenPgpTestKey.ed25519("Demo CSAF <psirt@csaf-demo.example>");

    @Inject
    HubFixtures fixtures;

    @TempDir
    Path dir;

    @BeforeEach
    void clean() {
        fixtures.resetWithProviders();
    }

    @Test
    void signedCsafProviderIsAcceptedAndTheSecondPullSkipsEveryUnchangedDocument() throws Exception {
        Path metadata = csafProvider(dir, KEY);
        registerKey(CSAF_PROVIDER, KEY);
        long id = addSource(CSAF_PROVIDER, "CSAF_PROVIDER_METADATA", metadata.toString());

        JsonPath first = runAndWait(id);
        assertEquals("idle", first.getString("state"));
        assertEquals(6, first.getInt("counts.seen"));
        assertEquals(0, first.getInt("counts.rejected"));
        assertEquals(
                6, first.getInt("counts.accepted") + first.getInt("counts.merged") + first.getInt("counts.unchanged"));
        assertEquals(List.of(), first.getList("errors"));
        assertEquals(List.of(), first.getList("warnings"));
        assertNotNull(first.getString("lastFinishedAt"));
        assertNull(first.get("progress"));
        given().auth()
                .oauth2(KeycloakTokens.user("herd-analyst"))
                .get("/api/advisories/CVE-2020-10188")
                .then()
                .statusCode(200)
                .body("provenance.documentId", hasItems("RHSA-2022:0011/CVE-2020-10188"));

        JsonPath second = runAndWait(id);
        assertEquals(6, second.getInt("counts.seen"));
        assertEquals(6, second.getInt("counts.skippedUnchanged"));
        assertEquals(0, second.getInt("counts.accepted") + second.getInt("counts.merged"));
        assertEquals(0, fixtures.count("rejection"));
    }

    @Test
    void tamperedMismatchedUnsignedAndMissingDocumentsAreEachRejectedOrReported() throws Exception {
        Path metadata = csafProvider(dir, KEY);
        Path docs = dir.resolve("docs/2024");
        registerKey(CSAF_PROVIDER, KEY);
        // Changed after signing, with a fresh hash file: only the signature can tell.
        Path tampered = docs.resolve("bsi-2022-0001.json");
        byte[] changed = Files.readString(tampered)
                .replace("\"title\"", " \"title\"")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(tampered, changed);
        SourceFixtures.writeHash(tampered, changed);
        Files.writeString(docs.resolve("cisco-sa-20180328-smi2.json.sha256"), SourceFixtures.sha256(new byte[] {1}));
        Files.delete(docs.resolve("rhsa-2021_5186.json.asc"));
        Files.delete(docs.resolve("rhsa-2021_5217.json"));
        long id = addSource(
                CSAF_PROVIDER, "CSAF_PROVIDER_METADATA", metadata.toUri().toString());

        JsonPath status = runAndWait(id);
        assertEquals("idle", status.getString("state"));
        assertEquals(6, status.getInt("counts.seen"));
        assertEquals(3, status.getInt("counts.rejected"));
        assertEquals(
                2,
                status.getInt("counts.accepted") + status.getInt("counts.merged") + status.getInt("counts.unchanged"));
        assertEquals(List.of("fetch-failed"), status.getList("errors.code"));
        assertTrue(status.getString("errors[0].location").endsWith("rhsa-2021_5217.json"));
        given().auth()
                .oauth2(KeycloakTokens.user("herd-analyst"))
                .queryParam("provider", CSAF_PROVIDER)
                .get("/api/rejections")
                .then()
                .statusCode(200)
                .body("size()", equalTo(3))
                .body("errors.flatten().code", hasItems("signature-invalid", "hash-mismatch", "signature-missing"))
                .body("submittedBy", hasItems("source:" + id));
    }

    @Test
    void withoutRegisteredKeysUnsignedDocumentsAreAcceptedWithAWarning() throws Exception {
        Path metadata = csafProvider(dir, KEY);
        try (Stream<Path> signatures = Files.list(dir.resolve("docs/2024"))) {
            for (Path signature :
                    signatures.filter(f -> f.toString().endsWith(".asc")).toList()) {
                Files.delete(signature);
            }
        }
        long id = addSource(CSAF_PROVIDER, "CSAF_PROVIDER_METADATA", metadata.toString());

        JsonPath status = runAndWait(id);
        assertEquals(0, status.getInt("counts.rejected"));
        // The real documents name CPE-only products as affected, which also gives csaf-products-unmatched.
        assertEquals(
                6,
                status.getList("warnings.code").stream()
                        .filter("signature-not-checked"::equals)
                        .count());
        assertEquals(
                List.of(),
                status.getList("warnings.code").stream()
                        .filter(code ->
                                !code.equals("signature-not-checked") && !code.equals("csaf-products-unmatched"))
                        .toList());
    }

    @Test
    void csafProviderOverHttpAndAMissingUrlNamedWithItsStatus() throws Exception {
        csafProvider(dir, KEY);
        HttpServer server = SimpleFileServer.createFileServer(
                new InetSocketAddress("127.0.0.1", 0), dir, SimpleFileServer.OutputLevel.NONE);
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            registerKey(CSAF_PROVIDER, KEY);
            long csaf = addSource(CSAF_PROVIDER, "CSAF_PROVIDER_METADATA", base + "/provider-metadata.json");
            JsonPath status = runAndWait(csaf);
            assertEquals(6, status.getInt("counts.seen"));
            assertEquals(0, status.getInt("counts.rejected"));

            long missing = addSource(CSAF_PROVIDER, "KEV_FILE", base + "/kev/missing.json");
            JsonPath failed = runAndWait(missing);
            assertEquals("failed", failed.getString("state"));
            assertEquals(1, failed.getInt("counts.seen"));
            String message = failed.getString("errors[0].message");
            assertTrue(message.contains(base + "/kev/missing.json") && message.contains("404"), message);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void osvFolderAndTheSameRecordsAsAZip() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("osv"));
        Path zip = dir.resolve("osv.zip");
        try (Stream<Path> records = Files.list(SharedData.file("osv"));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Path record : records.filter(f -> !f.getFileName().toString().equals("schema.json"))
                    .toList()) {
                Files.copy(record, folder.resolve(record.getFileName()));
                out.putNextEntry(new ZipEntry("records/" + record.getFileName()));
                out.write(Files.readAllBytes(record));
                out.closeEntry();
            }
        }
        long id = addSource(OSV_PROVIDER, "OSV_FOLDER", folder.toString());
        JsonPath status = runAndWait(id);
        assertEquals(7, status.getInt("counts.seen"));
        assertEquals(0, status.getInt("counts.rejected"));
        assertEquals(7, status.getInt("counts.accepted") + status.getInt("counts.merged"));

        long zipped = addSource(OSV_PROVIDER, "OSV_FOLDER", zip.toString());
        JsonPath again = runAndWait(zipped);
        assertEquals(7, again.getInt("counts.seen"));
        assertEquals(7, again.getInt("counts.unchanged"));
        given().auth()
                .oauth2(KeycloakTokens.user("herd-analyst"))
                .get("/api/advisories/CVE-2024-39236")
                .then()
                .statusCode(200)
                .body("severity", equalTo("CRITICAL"));
    }

    @Test
    void kevFileMarksAdvisoriesKnownExploited() {
        // The catalogue's 1,404 statements merge in one transaction into tables the planner believes empty.
        fixtures.analyseAdvisoryTablesEmpty();
        long id = addSource(
                CSAF_PROVIDER,
                "KEV_FILE",
                SharedData.file("kev/known_exploited_vulnerabilities.json").toString());
        JsonPath status = runAndWait(id);
        assertEquals("idle", status.getString("state"));
        assertEquals(1, status.getInt("counts.seen"));
        assertEquals(1, status.getInt("counts.accepted"));
        given().auth()
                .oauth2(KeycloakTokens.user("herd-analyst"))
                .get("/api/advisories/CVE-2021-4034")
                .then()
                .statusCode(200)
                .body("knownExploited", equalTo(true));
        given().auth()
                .oauth2(KeycloakTokens.user("herd-admin"))
                .get("/api/sources")
                .then()
                .statusCode(200)
                .body("[0].counts.accepted", equalTo(1))
                .body("[0].kind", equalTo("KEV_FILE"))
                .body("[0].intervalMinutes", equalTo(60));
    }

    @Test
    void epssFileScoresAdvisoriesOnceAndABadOneIsAnErrorNamingTheLine() throws Exception {
        HubFixtures.pushFor(OSV_PROVIDER, """
                        {"id":"CVE-2024-0002","modified":"2026-01-01T00:00:00Z",
                         "affected":[{"package":{"ecosystem":"npm","name":"left-pad"},
                           "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"1.3.0"}]}]}]}
                        """).then().statusCode(200);
        Path file = dir.resolve("epss_scores-2025-03-14.csv.gz");
        try (var in = SourcePullTest.class.getResourceAsStream("/epss/epss_scores-2025-03-14.csv.gz")) {
            Files.copy(in, file);
        }
        long id = addSource(CSAF_PROVIDER, "EPSS_FILE", file.toString());
        JsonPath status = runAndWait(id);
        assertEquals("idle", status.getString("state"));
        assertEquals(1, status.getInt("counts.accepted"));
        given().auth()
                .oauth2(KeycloakTokens.user("herd-analyst"))
                .get("/api/epss/CVE-2024-0002")
                .then()
                .statusCode(200)
                .body("epss", equalTo(0.9447f))
                .body("percentile", equalTo(0.99982f));
        assertEquals(1, runAndWait(id).getInt("counts.skippedUnchanged"), "the same bytes are not imported again");

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "cve,epss,percentile\nCVE-2024-0002,0.1,0.2\nCVE-2024-0003,2,0.2\n");
        JsonPath refused = runAndWait(addSource(CSAF_PROVIDER, "EPSS_FILE", bad.toString()));
        assertEquals("epss-out-of-range", refused.getString("errors[0].code"));
        assertTrue(refused.getString("errors[0].message").contains("line 3"), refused.getString("errors[0].message"));
        given().auth()
                .oauth2(KeycloakTokens.user("herd-analyst"))
                .get("/api/epss/CVE-2024-0002")
                .then()
                .body("epss", equalTo(0.9447f));
    }

    @Test
    void aFolderThatIsNotThereFailsThePull() {
        long id = addSource(OSV_PROVIDER, "OSV_FOLDER", dir.resolve("nowhere").toString());
        JsonPath status = runAndWait(id);
        assertEquals("failed", status.getString("state"));
        assertEquals("source-unreadable", status.getString("errors[0].code"));
        assertTrue(status.getString("errors[0].message").contains("not a folder"));
        given().auth()
                .oauth2(KeycloakTokens.user("herd-admin"))
                .get("/api/sources/" + id)
                .then()
                .body("errors[0].message", containsString("nowhere"));
    }
}
