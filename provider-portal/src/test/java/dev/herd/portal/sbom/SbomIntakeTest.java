package dev.herd.portal.sbom;

import static dev.herd.testing.KeycloakTokens.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.advisory.AdvisoryChanged;
import dev.herd.portal.support.PortalFixtures;
import dev.herd.testing.EmbeddedArtemisResource;
import dev.herd.testing.Messages;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SBOM intake end to end: the CycloneDX SBOM that cyclonedx-maven-plugin made of a small log4j application
 * (resources sbom/, its pom beside it) and the same application as SPDX 2.3, matched against osv.dev's record of
 * Log4Shell (GHSA-jfh8-c2jp-5v3q) announced as the hub announces it; an advisory arriving after the SBOM; bad documents
 * as 400 problems that store nothing; another tenant's callers get 403/404 and no data.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class SbomIntakeTest {

    private static final String LOG4SHELL = "GHSA-jfh8-c2jp-5v3q";
    private static final String LOG4J_CORE = "org.apache.logging.log4j:log4j-core";
    private static final String VULNERABLE_CDX = "order-service-log4j-2.14.1.cdx.json";
    private static final String FIXED_CDX = "order-service-log4j-2.17.1.cdx.json";
    private static final String VULNERABLE_SPDX = "order-service-log4j-2.14.1.spdx.json";
    private static final String FIXED_SPDX = "order-service-log4j-2.17.1.spdx.json";

    @Inject
    PortalFixtures fixtures;

    @Inject
    ConnectionFactory connections;

    @Inject
    ObjectMapper json;

    @BeforeEach
    void clean() {
        fixtures.reset();
        fixtures.execute("INSERT INTO machine (id, tenant_id, name, addresses, listening, last_sequence, updated_at) "
                + "VALUES ('00000000-0000-0000-0000-0000000000a1', 'acme', 'acme-web', '[]', '[]', 0, now()), "
                + "('00000000-0000-0000-0000-0000000000b1', 'globex', 'globex-web', '[]', '[]', 0, now())");
    }

    @Test
    void cycloneDxSbomOfAJavaApplicationOnAMachineFindsLog4Shell() {
        announce(AdvisoryChanged.Change.CREATED, 1);
        Response attached = attach("acme-admin", "/api/tenants/acme/machines/acme-web/sboms", VULNERABLE_CDX);
        attached.then()
                .statusCode(201)
                .header("Location", notNullValue())
                .body("format", equalTo("CYCLONEDX"))
                .body("specVersion", equalTo("1.6"))
                .body("machine", equalTo("acme-web"))
                .body("name", equalTo("dev.herd.samples:order-service@1.0.0"))
                .body("components", equalTo(6))
                .body("skipped", equalTo(0))
                .body("openFindings", equalTo(1));
        String sbom = attached.path("id");

        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/findings?source=sbom")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].advisory", equalTo(LOG4SHELL))
                .body("[0].aliases", equalTo(List.of("CVE-2021-44228")))
                .body("[0].package", equalTo(LOG4J_CORE))
                .body("[0].installed", equalTo("2.14.1"))
                .body("[0].fixed", equalTo("2.15.0"))
                .body("[0].source", equalTo("SBOM"))
                .body("[0].sbomId", equalTo(sbom))
                .body("[0].machine", equalTo("acme-web"))
                .body("[0].machineId", equalTo("00000000-0000-0000-0000-0000000000a1"))
                .body("[0].action", equalTo("MONITOR"))
                .body("[0].state", equalTo("OPEN"));
        // the machine's SBOM findings by machine name, and none among its inventory findings
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/findings?source=sbom&machine=acme-web")
                .then()
                .statusCode(200)
                .body("$", hasSize(1));
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/findings?source=inventory")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/sboms/" + sbom)
                .then()
                .statusCode(200)
                .body("openFindings", equalTo(1))
                .body("uploadedBy", notNullValue());
    }

    @Test
    void theFixedVersionOfTheApplicationHasNoFinding() {
        announce(AdvisoryChanged.Change.CREATED, 1);
        attach("acme-admin", "/api/tenants/acme/applications/order-service/sboms", FIXED_CDX)
                .then()
                .statusCode(201)
                .body("application", equalTo("order-service"))
                .body("specVersion", equalTo("1.5"))
                .body("components", equalTo(6))
                .body("openFindings", equalTo(0));
        assertEquals(0, fixtures.count("SELECT count(*) FROM finding"));
    }

    @Test
    void anAdvisoryArrivingLaterFindsTheStoredComponentAndItsWithdrawalClosesIt() {
        String sbom = attach("acme-admin", "/api/tenants/acme/applications/order-service/sboms", VULNERABLE_CDX)
                .then()
                .statusCode(201)
                .body("openFindings", equalTo(0))
                .extract()
                .path("id");
        attach("acme-admin", "/api/tenants/acme/applications/order-service-next/sboms", FIXED_CDX)
                .then()
                .statusCode(201);

        announce(AdvisoryChanged.Change.CREATED, 1);
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/findings?application=order-service")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].package", equalTo(LOG4J_CORE))
                .body("[0].source", equalTo("SBOM"))
                .body("[0].sbomId", equalTo(sbom))
                .body("[0].application", equalTo("order-service"))
                .body("[0].machine", equalTo(null));
        assertEquals(1, fixtures.count("SELECT count(*) FROM finding"), "nothing on the fixed application");

        announce(AdvisoryChanged.Change.WITHDRAWN, 2);
        assertEquals(
                "WITHDRAWN",
                fixtures.text("SELECT state FROM finding WHERE sbom_id = '" + sbom + "' AND advisory_id = '" + LOG4SHELL
                        + "'"));
    }

    @Test
    void spdxOfTheSameApplicationFindsLog4ShellAndSkipsThePackageWithoutPurl() {
        announce(AdvisoryChanged.Change.CREATED, 1);
        attach("acme-admin", "/api/tenants/acme/applications/order-service/sboms", VULNERABLE_SPDX)
                .then()
                .statusCode(201)
                .body("format", equalTo("SPDX"))
                .body("specVersion", equalTo("2.3"))
                .body("name", equalTo("order-service-1.0.0"))
                .body("components", equalTo(6))
                .body("skipped", equalTo(1))
                .body("openFindings", equalTo(1));
        attach("acme-admin", "/api/tenants/acme/applications/order-service-next/sboms", FIXED_SPDX)
                .then()
                .statusCode(201)
                .body("openFindings", equalTo(0));
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/findings?source=sbom")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].application", equalTo("order-service"))
                .body("[0].installed", equalTo("2.14.1"));
    }

    @Test
    void listingAndDeletingAnSbomTakesItsFindingsAlong() {
        announce(AdvisoryChanged.Change.CREATED, 1);
        String sbom = attach("acme-admin", "/api/tenants/acme/machines/acme-web/sboms", VULNERABLE_CDX)
                .path("id");
        attach("acme-admin", "/api/tenants/acme/applications/order-service/sboms", FIXED_SPDX)
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/sboms")
                .then()
                .statusCode(200)
                .body("$", hasSize(2));
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/machines/acme-web/sboms")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].id", equalTo(sbom));
        given().auth()
                .oauth2(user("acme-admin"))
                .delete("/api/tenants/acme/sboms/" + sbom)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/sboms/" + sbom)
                .then()
                .statusCode(404)
                .body("code", equalTo("sbom-not-found"));
        assertEquals(0, fixtures.count("SELECT count(*) FROM finding"));
        assertEquals(0, fixtures.count("SELECT count(*) FROM sbom_component WHERE sbom_id = '" + sbom + "'"));
    }

    /**
     * The announcement the hub makes of the BSI vendor CSAF document with a product tree (advisory-hub's
     * CsafProductMatchingTest: known_affected {@code vers:maven/>=2.0.0} for {@code pkg:maven/org.example/lib} with
     * first_fixed 2.4.1, and {@code vers:npm/>=1.0.0|<1.3.0} for {@code pkg:npm/left-pad} with fixed 1.3.0) matches SBOM
     * components like any purl-ecosystem advisory: the affected versions get findings, the fixed ones none.
     */
    @Test
    void aVendorCsafAdvisoryMatchesSbomComponentsByTheStatusesItsProductTreeGives() {
        AdvisoryChanged csaf = new AdvisoryChanged(
                "CVE-2022-27193",
                AdvisoryChanged.Change.CREATED,
                true,
                false,
                0,
                List.of(
                        new AdvisoryChanged.PackageRef("npm", "left-pad"),
                        new AdvisoryChanged.PackageRef("Maven", "org.example:lib")),
                Instant.parse("2022-03-15T08:00:00Z"),
                "CSAF vendor product tree",
                "HIGH",
                null,
                List.of(),
                List.of(
                        new AdvisoryChanged.Affected(
                                "npm",
                                "left-pad",
                                List.of(new AdvisoryChanged.Range(
                                        "ECOSYSTEM",
                                        List.of(
                                                new AdvisoryChanged.Event("1.0.0", null, null, null),
                                                new AdvisoryChanged.Event(null, "1.3.0", null, null)))),
                                List.of(),
                                List.of(),
                                "CVE-2022-27193"),
                        new AdvisoryChanged.Affected(
                                "Maven",
                                "org.example:lib",
                                List.of(new AdvisoryChanged.Range(
                                        "ECOSYSTEM",
                                        List.of(
                                                new AdvisoryChanged.Event("2.0.0", null, null, null),
                                                new AdvisoryChanged.Event(null, "2.4.1", null, null)))),
                                List.of(),
                                List.of(),
                                "CVE-2022-27193")),
                List.of(),
                List.of());
        Messages.send(connections, json, AdvisoryChanged.ADDRESS, List.of(csaf));
        PortalFixtures.await(
                "the CSAF advisory consumed",
                Duration.ofSeconds(30),
                () -> fixtures.count("SELECT count(*) FROM advisory WHERE id = 'CVE-2022-27193'") == 1);
        String sbom = """
                {"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1, "components": [
                 {"type": "library", "name": "left-pad", "version": "1.2.0", "purl": "pkg:npm/left-pad@1.2.0"},
                 {"type": "library", "name": "lib", "group": "org.example", "version": "2.2.0",
                  "purl": "pkg:maven/org.example/lib@2.2.0"},
                 {"type": "library", "name": "left-pad", "version": "1.3.0", "purl": "pkg:npm/left-pad@1.3.0"},
                 {"type": "library", "name": "lib", "group": "org.example", "version": "2.4.1",
                  "purl": "pkg:maven/org.example/lib@2.4.1"}]}""";
        post("acme-admin", "/api/tenants/acme/applications/storefront/sboms", sbom.getBytes(StandardCharsets.UTF_8))
                .then()
                .statusCode(201)
                .body("components", equalTo(4))
                .body("openFindings", equalTo(2));
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/findings?source=sbom&advisory=CVE-2022-27193")
                .then()
                .statusCode(200)
                .body("package", containsInAnyOrder("left-pad", "org.example:lib"))
                .body("installed", containsInAnyOrder("1.2.0", "2.2.0"))
                .body("fixed", containsInAnyOrder("1.3.0", "2.4.1"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON                  | {"bomFormat": "CycloneDX",                                                  | sbom-not-json
            a JSON array              | []                                                                          | sbom-not-json
            neither format            | {"name": "x"}                                                               | sbom-format-unknown
            CycloneDX 1.4             | {"bomFormat": "CycloneDX", "specVersion": "1.4", "version": 1}              | sbom-spec-version
            CycloneDX without version | {"bomFormat": "CycloneDX", "version": 1}                                    | sbom-spec-version
            CycloneDX schema error    | {"bomFormat": "CycloneDX", "specVersion": "1.6", "components": "log4j"}     | sbom-invalid
            CycloneDX wrong bomFormat | {"bomFormat": "SPDX", "specVersion": "1.6"}                                 | sbom-invalid
            SPDX 2.2                  | {"spdxVersion": "SPDX-2.2", "SPDXID": "SPDXRef-DOCUMENT"}                   | sbom-spec-version
            SPDX without namespace    | {"spdxVersion": "SPDX-2.3", "SPDXID": "SPDXRef-DOCUMENT", "name": "a", "dataLicense": "CC0-1.0", "creationInfo": {}} | sbom-invalid
            SPDX packages not a list  | {"spdxVersion": "SPDX-2.3", "SPDXID": "SPDXRef-DOCUMENT", "name": "a", "dataLicense": "CC0-1.0", "documentNamespace": "https://x", "creationInfo": {}, "packages": {}} | sbom-invalid
            escaped NUL in a purl     | {"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [{"type": "library", "name": "a", "purl": "pkg:npm/a\\u0000b@1.0.0"}]} | sbom-nul-character
            """)
    void aBadDocumentIsA400ProblemAndStoresNothing(String what, String body, String code) {
        given().auth()
                .oauth2(user("acme-admin"))
                .contentType("application/json")
                .body(body)
                .post("/api/tenants/acme/machines/acme-web/sboms")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo(code))
                .body("detail", notNullValue());
        assertEquals(0, fixtures.count("SELECT count(*) FROM sbom"), what);
    }

    @Test
    void rawNulEmptyOversizedBadNamesAndUnknownMachinesAreProblems() {
        byte[] withNul =
                "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\"}\u0000".getBytes(StandardCharsets.UTF_8);
        post("acme-admin", "/api/tenants/acme/machines/acme-web/sboms", withNul)
                .then()
                .statusCode(400)
                .body("code", equalTo("sbom-nul-character"));
        post("acme-admin", "/api/tenants/acme/machines/acme-web/sboms", new byte[0])
                .then()
                .statusCode(400)
                .body("code", equalTo("body-empty"));
        // %test.herd.portal.sbom.max-bytes is 1 MiB
        byte[] large = ("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"metadata\": {\"x\": \""
                        + "a".repeat(1_100_000) + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        post("acme-admin", "/api/tenants/acme/machines/acme-web/sboms", large)
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("code", equalTo("sbom-too-large"));
        post("acme-admin", "/api/tenants/acme/applications/-order/sboms", resource(VULNERABLE_CDX))
                .then()
                .statusCode(400)
                .body("code", equalTo("application-invalid"));
        post("acme-admin", "/api/tenants/acme/machines/nowhere/sboms", resource(VULNERABLE_CDX))
                .then()
                .statusCode(404)
                .body("code", equalTo("machine-not-found"));
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/sboms?size=0")
                .then()
                .statusCode(400)
                .body("code", equalTo("size-invalid"));
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/findings?source=firmware")
                .then()
                .statusCode(400)
                .body("code", equalTo("source-invalid"));
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/findings?sbom=nope")
                .then()
                .statusCode(400)
                .body("code", equalTo("sbom-invalid"));
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/sboms/not-a-uuid")
                .then()
                .statusCode(404)
                .body("code", equalTo("sbom-not-found"));
        assertEquals(0, fixtures.count("SELECT count(*) FROM sbom"));
    }

    @Test
    void anotherTenantsCallersGetNeitherTheSbomsNorTheirFindings() {
        announce(AdvisoryChanged.Change.CREATED, 1);
        String sbom = attach("acme-admin", "/api/tenants/acme/machines/acme-web/sboms", VULNERABLE_CDX)
                .path("id");

        // globex's admin cannot attach to acme, nor to acme's machine through globex's own tenant
        attach("globex-admin", "/api/tenants/acme/machines/acme-web/sboms", VULNERABLE_CDX)
                .then()
                .statusCode(403);
        attach(
                        "globex-admin",
                        "/api/tenants/globex/machines/00000000-0000-0000-0000-0000000000a1/sboms",
                        VULNERABLE_CDX)
                .then()
                .statusCode(404)
                .body("code", equalTo("machine-not-found"));
        attach("globex-admin", "/api/tenants/globex/machines/acme-web/sboms", VULNERABLE_CDX)
                .then()
                .statusCode(404);
        // a viewer reads but does not attach or delete
        attach("acme-viewer", "/api/tenants/acme/machines/acme-web/sboms", VULNERABLE_CDX)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(user("acme-viewer"))
                .delete("/api/tenants/acme/sboms/" + sbom)
                .then()
                .statusCode(403);
        // globex sees nothing of acme's
        given().auth()
                .oauth2(user("globex-admin"))
                .get("/api/tenants/acme/sboms")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(user("globex-admin"))
                .get("/api/tenants/globex/sboms/" + sbom)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(user("globex-admin"))
                .delete("/api/tenants/globex/sboms/" + sbom)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(user("globex-admin"))
                .get("/api/tenants/globex/sboms")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
        given().auth()
                .oauth2(user("globex-admin"))
                .get("/api/tenants/globex/findings?sbom=" + sbom)
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
        given().auth()
                .oauth2(user("globex-admin"))
                .get("/api/tenants/acme/findings?source=sbom")
                .then()
                .statusCode(403);
        // MSSP staff reach every tenant
        given().auth()
                .oauth2(user("herd-analyst"))
                .get("/api/tenants/acme/sboms/" + sbom)
                .then()
                .statusCode(200);
        assertEquals(1, fixtures.count("SELECT count(*) FROM sbom"), "only acme's one SBOM was stored");
        assertEquals(1, fixtures.count("SELECT count(*) FROM finding WHERE tenant_id = 'acme'"));
        assertEquals(0, fixtures.count("SELECT count(*) FROM finding WHERE tenant_id = 'globex'"));
    }

    private void announce(AdvisoryChanged.Change change, long consumed) {
        Messages.send(
                connections,
                json,
                AdvisoryChanged.ADDRESS,
                List.of(OsvAnnouncement.of(json, "/sbom/" + LOG4SHELL + ".json", change)));
        PortalFixtures.await(
                consumed + " advisory messages consumed",
                Duration.ofSeconds(30),
                () -> fixtures.count("SELECT count(*) FROM consumed_message WHERE consumer = 'portal-advisories'")
                        == consumed);
    }

    private static Response attach(String who, String path, String resource) {
        return post(who, path, resource(resource));
    }

    private static Response post(String who, String path, byte[] body) {
        return given().auth()
                .oauth2(user(who))
                .contentType("application/json")
                .body(body)
                .post(path);
    }

    private static byte[] resource(String name) {
        try (InputStream in = SbomIntakeTest.class.getResourceAsStream("/sbom/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
