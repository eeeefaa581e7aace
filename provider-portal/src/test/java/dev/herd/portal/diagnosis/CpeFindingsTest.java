package dev.herd.portal.diagnosis;

import static dev.herd.testing.KeycloakTokens.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.advisory.AdvisoryChanged;
import dev.herd.contracts.inventory.MachineInventory;
import dev.herd.contracts.inventory.MachineInventory.PackageRef;
import dev.herd.portal.support.DebianSample;
import dev.herd.portal.support.PortalFixtures;
import dev.herd.testing.EmbeddedArtemisResource;
import dev.herd.testing.Messages;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A vendor CSAF document whose products carry only CPEs, announced as the hub announces it (advisory-hub's
 * CsafProductMatchingTest: {@code CPE acme:acme-agent} from 4.0.0 fixed in 4.2.3, {@code CPE acme:widget-lib} exactly
 * 2.1.0), gives findings on machines (the dpkg package of that product name) and on SBOM components (by product name,
 * vendor checked where the component's name carries one), in the version order of the package matched; a fixed
 * version, another vendor, a Debian revision and a CPE name without vendor or product give none; another tenant's
 * caller sees none of them.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class CpeFindingsTest {

    private static final String ADVISORY = "CVE-2022-27193";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    PortalFixtures fixtures;

    @Inject
    ConnectionFactory connections;

    @Inject
    ObjectMapper json;

    @BeforeEach
    void clean() {
        fixtures.reset();
    }

    @Test
    void cpeNamedPackagesGiveFindingsOnMachinesAndSbomComponents() {
        inventory(
                "acme",
                "acme-web1",
                new PackageRef("acme-agent", "4.1.0", "amd64", "acme-agent", "4.1.0"),
                // a Debian build of the library: its revision makes it another version than the CPE's 2.1.0
                new PackageRef("widget-lib", "2.1.0-1", "amd64", "widget-lib", "2.1.0-1"));
        inventory("acme", "acme-web2", new PackageRef("acme-agent", "4.2.3", "amd64", "acme-agent", "4.2.3"));
        inventory("globex", "globex-web1", new PackageRef("acme-agent", "4.0.0", "amd64", "acme-agent", "4.0.0"));
        String before = attach("""
                {"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1, "components": [
                 {"type": "library", "name": "widget-lib", "group": "@acme", "version": "2.1.0",
                  "purl": "pkg:npm/%40acme/widget-lib@2.1.0"},
                 {"type": "library", "name": "widget-lib", "group": "@other", "version": "2.1.0",
                  "purl": "pkg:npm/%40other/widget-lib@2.1.0"},
                 {"type": "library", "name": "widget-lib", "version": "2.1.1", "purl": "pkg:npm/widget-lib@2.1.1"},
                 {"type": "library", "name": "acme-agent", "group": "com.acme", "version": "4.1.0",
                  "purl": "pkg:maven/com.acme/acme-agent@4.1.0"}]}""", 0);

        announce();

        PortalFixtures.await(
                "findings of the CPE advisory",
                WAIT,
                () -> fixtures.count("SELECT count(*) FROM finding WHERE advisory_id = '" + ADVISORY + "'") == 4);
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/findings?source=inventory&advisory=" + ADVISORY)
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].machine", equalTo("acme-web1"))
                .body("[0].package", equalTo("acme-agent"))
                .body("[0].installed", equalTo("4.1.0"))
                .body("[0].fixed", equalTo("4.2.3"))
                .body("[0].source", equalTo("INVENTORY"));
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/findings?source=sbom&advisory=" + ADVISORY)
                .then()
                .statusCode(200)
                .body("package", containsInAnyOrder("@acme/widget-lib", "com.acme:acme-agent"))
                .body("installed", containsInAnyOrder("2.1.0", "4.1.0"))
                .body("sbomId", containsInAnyOrder(before, before));
        given().auth()
                .oauth2(user("globex-admin"))
                .get("/api/tenants/globex/findings?advisory=" + ADVISORY)
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].machine", equalTo("globex-web1"))
                .body("[0].installed", equalTo("4.0.0"));

        // an SBOM attached after the advisory is matched against it at once
        attach("""
                {"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1, "components": [
                 {"type": "library", "name": "widget-lib", "version": "2.1.0", "purl": "pkg:pypi/widget-lib@2.1.0"}]}""", 1);
    }

    @Test
    void anotherTenantsCallerSeesNoneOfThem() {
        inventory("acme", "acme-web1", new PackageRef("acme-agent", "4.1.0", "amd64", "acme-agent", "4.1.0"));
        announce();
        PortalFixtures.await(
                "the acme finding",
                WAIT,
                () -> fixtures.count("SELECT count(*) FROM finding WHERE advisory_id = '" + ADVISORY + "'") == 1);

        given().auth()
                .oauth2(user("globex-admin"))
                .get("/api/tenants/acme/findings?advisory=" + ADVISORY)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(user("globex-admin"))
                .get("/api/tenants/globex/findings?advisory=" + ADVISORY)
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
    }

    @Test
    void cpeNamesWithoutProductOrVendorMatchNothingAndBreakNothing() {
        inventory("acme", "acme-web1", new PackageRef("acme-agent", "4.1.0", "amd64", "acme-agent", "4.1.0"));
        AdvisoryChanged odd = advisory(List.of(
                new AdvisoryChanged.Affected("CPE", "", List.of(), List.of("4.1.0"), List.of(), ADVISORY),
                new AdvisoryChanged.Affected("CPE", "acme:", List.of(), List.of("4.1.0"), List.of(), ADVISORY),
                new AdvisoryChanged.Affected(
                        "CPE", "other:acme-agent", List.of(), List.of("4.1.0"), List.of(), ADVISORY)));
        Messages.send(connections, json, AdvisoryChanged.ADDRESS, List.of(odd));
        PortalFixtures.await(
                "the advisory consumed",
                WAIT,
                () -> fixtures.count("SELECT count(*) FROM advisory WHERE id = '" + ADVISORY + "'") == 1);

        // a dpkg package carries no vendor, so another vendor's product of the same name matches: documented
        assertEquals(1, fixtures.count("SELECT count(*) FROM finding WHERE advisory_id = '" + ADVISORY + "'"));
        assertEquals(
                "acme-agent", fixtures.text("SELECT package_name FROM finding WHERE advisory_id = '" + ADVISORY + "'"));
    }

    private void announce() {
        Messages.send(
                connections,
                json,
                AdvisoryChanged.ADDRESS,
                List.of(advisory(List.of(
                        new AdvisoryChanged.Affected(
                                "CPE",
                                "acme:acme-agent",
                                List.of(new AdvisoryChanged.Range(
                                        "ECOSYSTEM",
                                        List.of(
                                                new AdvisoryChanged.Event("4.0.0", null, null, null),
                                                new AdvisoryChanged.Event(null, "4.2.3", null, null)))),
                                List.of(),
                                List.of(),
                                ADVISORY),
                        new AdvisoryChanged.Affected(
                                "CPE", "acme:widget-lib", List.of(), List.of("2.1.0"), List.of(), ADVISORY)))));
    }

    private static AdvisoryChanged advisory(List<AdvisoryChanged.Affected> affected) {
        return new AdvisoryChanged(
                ADVISORY,
                AdvisoryChanged.Change.CREATED,
                true,
                false,
                0,
                affected.stream()
                        .map(a -> new AdvisoryChanged.PackageRef(a.ecosystem(), a.name()))
                        .toList(),
                Instant.parse("2022-03-15T08:00:00Z"),
                "CSAF vendor products named by CPE",
                "HIGH",
                null,
                List.of(),
                affected,
                List.of(),
                List.of(new AdvisoryChanged.Patch("CPE", "acme:acme-agent", "4.2.3", null, null)));
    }

    private void inventory(String tenant, String name, PackageRef... packages) {
        Messages.send(
                connections,
                json,
                MachineInventory.ADDRESS,
                List.of(new MachineInventory(
                        tenant,
                        DebianSample.machineId(tenant, name),
                        name,
                        name,
                        "debian",
                        "12",
                        "amd64",
                        1,
                        MachineInventory.Kind.FULL,
                        List.of(packages),
                        List.of(),
                        List.of(),
                        List.of("10.9.0." + Math.abs(name.hashCode() % 250)),
                        Instant.now())));
        PortalFixtures.await(
                name + " stored",
                WAIT,
                () -> fixtures.count("SELECT count(*) FROM machine WHERE id = '" + DebianSample.machineId(tenant, name)
                                + "' AND last_sequence >= 1")
                        == 1);
    }

    /** Attaches an SBOM to application storefront of acme; returns its id. */
    private static String attach(String sbom, int openFindings) {
        Response attached = given().auth()
                .oauth2(user("acme-admin"))
                .contentType("application/json")
                .body(sbom.getBytes(StandardCharsets.UTF_8))
                .post("/api/tenants/acme/applications/storefront/sboms");
        attached.then().statusCode(201).body("openFindings", equalTo(openFindings));
        return attached.path("id");
    }
}
