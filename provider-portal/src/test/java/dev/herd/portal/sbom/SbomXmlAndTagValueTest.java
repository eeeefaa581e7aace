package dev.herd.portal.sbom;

import static dev.herd.testing.KeycloakTokens.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
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
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CycloneDX XML and SPDX tag-value through the same routes as JSON: the log4j application's SBOM in all its forms gives
 * the same Log4Shell finding, an XML document with a DOCTYPE reads no file and fetches no address, bad documents are
 * 400 problems that store nothing, and another tenant's callers are refused.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class SbomXmlAndTagValueTest {

    private static final String LOG4SHELL = "GHSA-jfh8-c2jp-5v3q";
    private static final String CDX_XML = "application/vnd.cyclonedx+xml";
    private static final String TAG_VALUE = "text/spdx";
    private static final String MACHINE_PATH = "/api/tenants/acme/machines/acme-web/sboms";

    /** What a finding says about the package, beside which SBOM and application it is on. */
    private static final Set<String> COMPARED =
            Set.of("advisory", "aliases", "package", "installed", "fixed", "action", "state", "source", "severity");

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
    void theSameSbomInEveryEncodingGivesTheSameFinding() {
        announce();
        List<String[]> forms = List.of(
                new String[] {"order-service-log4j-2.14.1.cdx.json", "application/json", "CYCLONEDX", "1.6", "0"},
                new String[] {"order-service-log4j-2.14.1.cdx.xml", CDX_XML, "CYCLONEDX", "1.6", "0"},
                new String[] {"order-service-log4j-2.14.1.spdx.json", "application/spdx+json", "SPDX", "2.3", "1"},
                new String[] {"order-service-log4j-2.14.1.spdx", TAG_VALUE, "SPDX", "2.3", "1"});
        List<Map<String, Object>> first = null;
        for (int i = 0; i < forms.size(); i++) {
            String[] form = forms.get(i);
            String sbom = post("acme-admin", "/api/tenants/acme/applications/order-" + i + "/sboms", form[1], form[0])
                    .then()
                    .statusCode(201)
                    .body("format", equalTo(form[2]))
                    .body("specVersion", equalTo(form[3]))
                    .body("components", equalTo(6))
                    .body("skipped", equalTo(Integer.parseInt(form[4])))
                    .body("openFindings", equalTo(1))
                    .extract()
                    .path("id");
            List<Map<String, Object>> findings = given()
                    .auth()
                    .oauth2(user("acme-viewer"))
                    .get("/api/tenants/acme/findings?sbom=" + sbom)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .<Map<String, Object>>getList("$")
                    .stream()
                    .map(f -> {
                        Map<String, Object> same = new TreeMap<>(f);
                        same.keySet().retainAll(COMPARED);
                        return same;
                    })
                    .toList();
            assertEquals(1, findings.size(), form[0]);
            assertEquals(LOG4SHELL, findings.get(0).get("advisory"), form[0]);
            assertEquals("2.14.1", findings.get(0).get("installed"), form[0]);
            assertEquals("2.15.0", findings.get(0).get("fixed"), form[0]);
            if (first == null) {
                first = findings;
            }
            assertEquals(first, findings, form[0] + " gives what the CycloneDX JSON gives");
        }
        assertEquals(4, fixtures.count("SELECT count(*) FROM finding"));
    }

    @ParameterizedTest(name = "{1} {0}")
    @CsvSource(textBlock = """
            order-service-log4j-2.14.1.cdx.xml,  text/xml,        CYCLONEDX, 1.6, 1
            order-service-log4j-2.17.1.cdx.xml,  application/xml, CYCLONEDX, 1.5, 0
            order-service-log4j-2.14.1.spdx,     text/spdx,       SPDX,      2.3, 1
            order-service-log4j-2.17.1.spdx,     text/spdx,       SPDX,      2.3, 0
            """)
    void aMachineTakesXmlAndTagValueUnderEveryContentTypeTheyGo(
            String resource, String type, String format, String specVersion, int findings) {
        announce();
        post("acme-admin", MACHINE_PATH, type + "; charset=UTF-8", resource)
                .then()
                .statusCode(201)
                .body("machine", equalTo("acme-web"))
                .body("format", equalTo(format))
                .body("specVersion", equalTo(specVersion))
                .body("openFindings", equalTo(findings));
        assertEquals(findings, fixtures.count("SELECT count(*) FROM finding WHERE tenant_id = 'acme'"));
    }

    /**
     * XXE: a general entity naming a file, a parameter entity and an external DTD naming an address of this machine.
     * Each is refused as a DOCTYPE; the file's content is in no answer and the address is never asked.
     */
    @Test
    void anXmlDocumentWithExternalEntitiesReadsNoFileAndFetchesNothing() throws IOException {
        Path secret = Files.createTempFile("herd-xxe", ".txt");
        Files.writeString(secret, "herd-xxe-secret-7f3a");
        AtomicInteger fetched = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            fetched.incrementAndGet();
            byte[] dtd = "<!ENTITY leak \"herd-xxe-fetched\">".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, dtd.length);
            exchange.getResponseBody().write(dtd);
            exchange.close();
        });
        server.start();
        try {
            String address = "http://127.0.0.1:" + server.getAddress().getPort() + "/herd.dtd";
            String bom = "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\" version=\"1\"><components>"
                    + "<component type=\"library\"><name>&xxe;</name><version>2.14.1</version>"
                    + "<purl>pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1</purl></component></components></bom>";
            List<String> documents = List.of(
                    "<?xml version=\"1.0\"?>\n<!DOCTYPE bom [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n" + bom,
                    "<?xml version=\"1.0\"?>\n<!DOCTYPE bom [<!ENTITY % remote SYSTEM \"" + address
                            + "\"> %remote; <!ENTITY xxe \"x\">]>\n" + bom,
                    "<?xml version=\"1.0\"?>\n<!DOCTYPE bom SYSTEM \"" + address + "\">\n"
                            + bom.replace("&xxe;", "&leak;"));
            for (String document : documents) {
                for (String type : List.of(CDX_XML, "application/xml", "text/xml")) {
                    post("acme-admin", MACHINE_PATH, type, document.getBytes(StandardCharsets.UTF_8))
                            .then()
                            .statusCode(400)
                            .contentType("application/problem+json")
                            .body("code", equalTo("sbom-xml-doctype"))
                            .body("detail", not(containsString("herd-xxe")));
                }
            }
            assertEquals(0, fetched.get(), "no external DTD or entity was fetched");
            assertEquals(0, fixtures.count("SELECT count(*) FROM sbom"));
        } finally {
            server.stop(0);
            Files.deleteIfExists(secret);
        }
    }

    /** Each bad document is made from the vulnerable SBOM, so that storing any of it would open a finding. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            XML cut short                | order-service-log4j-2.14.1.cdx.xml | application/vnd.cyclonedx+xml | cut         | sbom-not-xml
            XML character reference NUL  | order-service-log4j-2.14.1.cdx.xml | application/vnd.cyclonedx+xml | charref-nul | sbom-not-xml
            XML raw NUL                  | order-service-log4j-2.14.1.cdx.xml | application/vnd.cyclonedx+xml | nul         | sbom-nul-character
            CycloneDX 1.4 XML            | order-service-log4j-2.14.1.cdx.xml | application/vnd.cyclonedx+xml | cdx-1.4     | sbom-spec-version
            XML of another kind          | order-service-pom.xml              | application/xml               | none        | sbom-format-unknown
            XML schema error             | order-service-log4j-2.14.1.cdx.xml | application/vnd.cyclonedx+xml | schema      | sbom-invalid
            JSON sent as XML             | order-service-log4j-2.14.1.cdx.json | application/vnd.cyclonedx+xml | none       | sbom-not-xml
            tag-value unknown tag        | order-service-log4j-2.14.1.spdx    | text/spdx                     | unknown-tag | sbom-invalid
            tag-value no namespace       | order-service-log4j-2.14.1.spdx    | text/spdx                     | no-namespace | sbom-invalid
            tag-value SPDX 2.2           | order-service-log4j-2.14.1.spdx    | text/spdx                     | spdx-2.2    | sbom-spec-version
            tag-value line without tag   | order-service-log4j-2.14.1.spdx    | text/spdx                     | no-tag      | sbom-not-tag-value
            tag-value raw NUL            | order-service-log4j-2.14.1.spdx    | text/spdx                     | nul         | sbom-nul-character
            JSON sent as tag-value       | order-service-log4j-2.14.1.spdx.json | text/spdx                   | none        | sbom-not-tag-value
            """)
    void aBadDocumentIsA400ProblemNamingWhatIsWrongAndStoresNothing(
            String what, String resource, String type, String change, String code) {
        announce();
        String document = new String(SbomEncodingsTest.resource(resource), StandardCharsets.UTF_8);
        String bad = switch (change) {
            case "cut" -> document.substring(0, document.indexOf("</components>"));
            case "charref-nul" -> document.replace("<name>log4j-core</name>", "<name>log4j&#0;core</name>");
            case "nul" -> document.replace("log4j-core", "log4j\u0000core");
            case "cdx-1.4" -> document.replace("schema/bom/1.6", "schema/bom/1.4");
            case "schema" -> document.replace("<name>log4j-core</name>", "<colour>red</colour>");
            case "unknown-tag" ->
                document.replace("PackageName: log4j-api", "PackageColour: red\nPackageName: log4j-api");
            case "no-namespace" -> document.replaceFirst("DocumentNamespace: .*\n", "");
            case "spdx-2.2" -> document.replace("SPDX-2.3", "SPDX-2.2");
            case "no-tag" -> document.replace("FilesAnalyzed: false", "FilesAnalyzed false");
            default -> document;
        };
        Response answer = post("acme-admin", MACHINE_PATH, type, bad.getBytes(StandardCharsets.UTF_8));
        answer.then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo(code))
                .body("detail", notNullValue());
        String detail = answer.path("detail");
        switch (change) {
            case "unknown-tag" -> assertEquals(true, detail.contains("line 35: unknown tag PackageColour"), detail);
            case "no-namespace" -> assertEquals(true, detail.contains("no DocumentNamespace tag"), detail);
            case "no-tag" -> assertEquals(true, detail.contains("line 17: expected 'Tag: value'"), detail);
            case "spdx-2.2", "cdx-1.4" ->
                assertEquals(true, detail.contains(change.endsWith("2.2") ? "'SPDX-2.2'" : "'1.4'"), detail);
            default -> {}
        }
        assertEquals(0, fixtures.count("SELECT count(*) FROM sbom"), what);
        assertEquals(0, fixtures.count("SELECT count(*) FROM sbom_component"), what);
        assertEquals(0, fixtures.count("SELECT count(*) FROM finding"), what);
    }

    @Test
    void oversizedXmlAndTagValueAre413AndAnotherContentType415() {
        // %test.herd.portal.sbom.max-bytes is 1 MiB
        String xml = new String(
                        SbomEncodingsTest.resource("order-service-log4j-2.14.1.cdx.xml"), StandardCharsets.UTF_8)
                .replace("<components>", "<!--" + "a".repeat(1_100_000) + "--><components>");
        String tagValue =
                new String(SbomEncodingsTest.resource("order-service-log4j-2.14.1.spdx"), StandardCharsets.UTF_8) + "# "
                        + "a".repeat(1_100_000) + "\n";
        for (String[] body : List.of(new String[] {CDX_XML, xml}, new String[] {TAG_VALUE, tagValue})) {
            post("acme-admin", MACHINE_PATH, body[0], body[1].getBytes(StandardCharsets.UTF_8))
                    .then()
                    .statusCode(413)
                    .contentType("application/problem+json")
                    .body("code", equalTo("sbom-too-large"));
        }
        // an encoding the routes do not take
        post("acme-admin", MACHINE_PATH, "application/x-yaml", "order-service-log4j-2.14.1.spdx")
                .then()
                .statusCode(415);
        assertEquals(0, fixtures.count("SELECT count(*) FROM sbom"));
    }

    @Test
    void anotherTenantsCallersCannotAttachXmlOrTagValue() {
        announce();
        for (String[] form : List.of(
                new String[] {CDX_XML, "order-service-log4j-2.14.1.cdx.xml"},
                new String[] {TAG_VALUE, "order-service-log4j-2.14.1.spdx"})) {
            post("globex-admin", MACHINE_PATH, form[0], form[1]).then().statusCode(403);
            post("globex-admin", "/api/tenants/acme/applications/order-service/sboms", form[0], form[1])
                    .then()
                    .statusCode(403);
            post(
                            "globex-admin",
                            "/api/tenants/globex/machines/00000000-0000-0000-0000-0000000000a1/sboms",
                            form[0],
                            form[1])
                    .then()
                    .statusCode(404)
                    .body("code", equalTo("machine-not-found"));
            post("acme-viewer", MACHINE_PATH, form[0], form[1]).then().statusCode(403);
        }
        assertEquals(0, fixtures.count("SELECT count(*) FROM sbom"));
        assertEquals(0, fixtures.count("SELECT count(*) FROM finding"));
    }

    private void announce() {
        Messages.send(
                connections,
                json,
                AdvisoryChanged.ADDRESS,
                List.of(OsvAnnouncement.of(json, "/sbom/" + LOG4SHELL + ".json", AdvisoryChanged.Change.CREATED)));
        PortalFixtures.await(
                "the advisory consumed",
                Duration.ofSeconds(30),
                () -> fixtures.count("SELECT count(*) FROM consumed_message WHERE consumer = 'portal-advisories'")
                        == 1);
    }

    private static Response post(String who, String path, String type, String resource) {
        return post(who, path, type, SbomEncodingsTest.resource(resource));
    }

    private static Response post(String who, String path, String type, byte[] body) {
        return given().auth().oauth2(user(who)).contentType(type).body(body).post(path);
    }
}
