package dev.herd.hub.ingest;

import static dev.herd.hub.HubFixtures.OSV_PROVIDER;
import static dev.herd.hub.HubFixtures.pushAsOsvProvider;
import static dev.herd.hub.HubFixtures.pushFor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herd.hub.HubFixtures;
import dev.herd.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The push API: per-document answers, bad documents next to good ones, and every way a request can be refused. */
@QuarkusTest
class IngestResourceTest {

    static final String GO_2020_0001 = """
            {"schema_version":"1.3.1","id":"GO-2020-0001","modified":"2024-05-20T16:03:47Z",
             "published":"2021-04-14T20:04:52Z","aliases":["CVE-2020-36567","GHSA-6vm3-jj99-7229"],
             "summary":"Arbitrary log line injection in github.com/gin-gonic/gin",
             "affected":[{"package":{"name":"github.com/gin-gonic/gin","ecosystem":"Go"},
               "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"1.6.0"}]}]}]}
            """;

    @Inject
    HubFixtures fixtures;

    @BeforeEach
    void clean() {
        fixtures.resetWithProviders();
    }

    @Test
    void providerPushesOneOsvRecordThenTheSameAgain() {
        pushAsOsvProvider(GO_2020_0001)
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1))
                .body("results[0].status", equalTo("accepted"))
                .body("results[0].id", equalTo("CVE-2020-36567"))
                .body("results[0].documentId", equalTo("GO-2020-0001"))
                .body("results[0].format", equalTo("OSV"));
        pushAsOsvProvider(GO_2020_0001)
                .then()
                .statusCode(200)
                .body("unchanged", equalTo(1))
                .body("results[0].status", equalTo("unchanged"))
                .body("results[0].id", equalTo("CVE-2020-36567"));
        assertEquals(1, fixtures.count("provenance"));
    }

    @Test
    void batchAcceptsTheGoodDocumentsAndRejectsEachBadOneWithItsOwnErrors() {
        String batch = "[" + GO_2020_0001 + ","
                + "{\"id\":\"OSV-BAD-1\",\"modified\":\"2024-01-01T00:00:00Z\",\"affected\":\"not-a-list\"},"
                + "{\"id\":\"OSV-BAD-2\",\"modified\":\"2024-01-01T00:00:00Z\",\"affected\":[{\"package\":"
                + "{\"ecosystem\":\"PyPI\",\"name\":\"x\"},\"ranges\":[{\"type\":\"ECOSYSTEM\",\"events\":"
                + "[{\"fixed\":\"1.0\"}]}]}]},"
                + "{\"id\":\"OSV-EMPTY-RANGE\",\"modified\":\"2024-01-01T00:00:00Z\",\"affected\":[{\"package\":"
                + "{\"ecosystem\":\"PyPI\",\"name\":\"y\"},\"ranges\":[{\"type\":\"ECOSYSTEM\",\"events\":"
                + "[{\"introduced\":\"1.0\"},{\"fixed\":\"1.0\"}]}]}]},"
                + "{\"hello\":\"world\"},"
                + "42]";
        pushAsOsvProvider(batch)
                .then()
                .statusCode(200)
                .body(
                        "results.status",
                        contains("accepted", "rejected", "rejected", "accepted", "rejected", "rejected"))
                .body("results.index", contains(0, 1, 2, 3, 4, 5))
                .body("results[1].documentId", equalTo("OSV-BAD-1"))
                .body("results[1].errors.code", hasItem("osv-schema"))
                .body("results[1].errors[0].message", containsString("/affected"))
                .body("results[2].errors.code", hasItem("osv-range-without-introduced"))
                .body("results[3].warnings.code", contains("osv-range-empty"))
                .body("results[4].errors.code", contains("format-unknown"))
                .body("results[5].errors.code", contains("format-unknown"));
        assertEquals(2, fixtures.count("advisory"));
        assertEquals(4, fixtures.count("rejection"));
    }

    @Test
    void rejectionsAreLoggedForTheProvider() {
        pushAsOsvProvider("{\"id\":\"OSV-BAD-1\",\"modified\":\"yesterday\"}")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(KeycloakTokens.client("provider-osv-demo", "provider-osv-demo-secret"))
                .get("/api/rejections")
                .then()
                .statusCode(200)
                .body("documentId", contains("OSV-BAD-1"))
                .body("[0].errors.code", hasItem("osv-schema"))
                .body("[0].providerId", equalTo(OSV_PROVIDER));
        given().auth()
                .oauth2(KeycloakTokens.client("provider-csaf-demo", "provider-csaf-demo-secret"))
                .get("/api/rejections")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void malformedJsonStoresNothing() {
        pushAsOsvProvider("[" + GO_2020_0001 + ", {\"id\": ")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("malformed-json"));
        assertEquals(0, fixtures.count("advisory"));
    }

    @Test
    void aBodyJacksonTakesForUtf32IsMalformedJsonNotAnInternalError() throws Exception {
        // Found by fuzzing (AdvisoryReadersFuzzTestInputs/csaf/crash-236025a9): four NUL bytes, then JSON.
        byte[] body = Files.readAllBytes(Path.of(getClass()
                .getResource("AdvisoryReadersFuzzTestInputs/csaf/crash-236025a97df325f594e5731e9ef6e7ac555d384d")
                .toURI()));
        given().auth()
                .oauth2(KeycloakTokens.client("provider-osv-demo", "provider-osv-demo-secret"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/advisories")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("malformed-json"));
        assertEquals(0, fixtures.count("advisory"));
    }

    @Test
    void emptyBodiesAndBatchesAreBadRequests() {
        pushAsOsvProvider("").then().statusCode(400).body("code", equalTo("body-empty"));
        pushAsOsvProvider("[]").then().statusCode(400).body("code", equalTo("batch-empty"));
        pushAsOsvProvider("\"text\"").then().statusCode(400).body("code", equalTo("body-not-document"));
    }

    @Test
    void bodyOverTheLimitIs413() {
        String padding = "x".repeat(3 * 1024 * 1024);
        pushAsOsvProvider("[{\"id\":\"" + padding + "\"}]")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("code", equalTo("body-too-large"));
        assertEquals(0, fixtures.count("rejection"));
    }

    @Test
    void unknownProviderIsRefusedAndNothingIsStored() {
        pushFor("nobody", GO_2020_0001)
                .then()
                .statusCode(403)
                .body("code", equalTo("provider-unknown"))
                .body("detail", containsString("./herd providers add nobody"));
        assertEquals(0, fixtures.count("advisory"));
    }

    @Test
    void providerCannotPushForAnotherProvider() {
        given().auth()
                .oauth2(KeycloakTokens.client("provider-osv-demo", "provider-osv-demo-secret"))
                .contentType(ContentType.JSON)
                .queryParam("provider", "csaf-demo")
                .body(GO_2020_0001)
                .post("/api/advisories")
                .then()
                .statusCode(403)
                .body("code", equalTo("provider-mismatch"));
    }

    @Test
    void adminMustNameTheProviderAndOthersCannotPush() {
        given().auth()
                .oauth2(KeycloakTokens.user("herd-admin"))
                .contentType(ContentType.JSON)
                .body(GO_2020_0001)
                .post("/api/advisories")
                .then()
                .statusCode(400)
                .body("code", equalTo("provider-required"));
        given().auth()
                .oauth2(KeycloakTokens.user("acme-admin"))
                .contentType(ContentType.JSON)
                .body(GO_2020_0001)
                .post("/api/advisories")
                .then()
                .statusCode(403);
        given().contentType(ContentType.JSON)
                .body(GO_2020_0001)
                .post("/api/advisories")
                .then()
                .statusCode(401);
        assertEquals(0, fixtures.count("advisory"));
    }

    @Test
    void ndjsonAnswersOneLinePerDocument() {
        String body = given().auth()
                .oauth2(KeycloakTokens.client("provider-osv-demo", "provider-osv-demo-secret"))
                .contentType(ContentType.JSON)
                .accept("application/x-ndjson")
                .body("[" + GO_2020_0001 + ",{\"nope\":1}]")
                .post("/api/advisories")
                .then()
                .statusCode(200)
                .contentType(containsString("application/x-ndjson"))
                .extract()
                .asString();
        String[] lines = body.strip().split("\n");
        assertEquals(2, lines.length);
        assertEquals(true, lines[0].contains("\"status\":\"accepted\""), lines[0]);
        assertEquals(true, lines[1].contains("\"status\":\"rejected\""), lines[1]);
    }

    @Test
    void herdCanonicalDocumentsAreAcceptedAndCheckedToo() {
        pushFor(OSV_PROVIDER, """
                        {"format":"herd-advisory/1","documentId":"HERD-2026-0001","aliases":["CVE-2026-1111"],
                         "title":"Remote code execution in exampled","modified":"2026-11-20T10:00:00Z",
                         "cvss":{"vector":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"},
                         "affected":[{"ecosystem":"Debian:12","name":"exampled","ranges":[{"type":"ECOSYSTEM",
                           "events":[{"introduced":"0"},{"fixed":"1.2-3"}]}]}],
                         "mitigations":[{"protocol":"tcp","port":8443,"signature":"|de ad be ef|"}]}
                        """)
                .then()
                .statusCode(200)
                .body("results[0].status", equalTo("accepted"))
                .body("results[0].id", equalTo("CVE-2026-1111"))
                .body("results[0].format", equalTo("HERD"));
        pushFor(OSV_PROVIDER, "{\"format\":\"herd-advisory/1\",\"documentId\":\"\",\"modified\":null}")
                .then()
                .statusCode(200)
                .body("results[0].status", equalTo("rejected"))
                .body("results[0].errors.code", hasItem("herd-schema"))
                .body("results[0].id", nullValue());
    }

    @Test
    void theKevCatalogueFromDiskIsOneDocumentWithCounts() throws Exception {
        String kev = Files.readString(dev.herd.testing.SharedData.file("kev/known_exploited_vulnerabilities.json"));
        pushFor(OSV_PROVIDER, kev)
                .then()
                .statusCode(200)
                .body("results[0].status", equalTo("accepted"))
                .body("results[0].id", equalTo("KEV-2025.08.25"))
                .body("results[0].counts.created", equalTo(1404));
    }

    static String read(Path path) throws Exception {
        return Files.readString(path);
    }
}
