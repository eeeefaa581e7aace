package dev.herd.portal.diagnosis;

import static dev.herd.testing.KeycloakTokens.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herd.portal.support.PortalFixtures;
import dev.herd.testing.EmbeddedArtemisResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The findings list: keyset pages that walk every finding exactly once, each filter against the same condition in
 * SQL, exact and estimated totals, bad parameters as 400 problems naming the parameter, and no data for another
 * tenant's caller. 240 acme findings (24 closed) on three machines and 30 globex findings, written in SQL.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class FindingListTest {

    private static final Pattern NEXT = Pattern.compile("^<([^>]+)>; rel=\"next\"$");
    private static final UUID ACME_A = UUID.fromString("00000000-0000-0000-0000-00000000000a");

    @Inject
    PortalFixtures fixtures;

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void findings() {
        fixtures.reset();
        sql("INSERT INTO machine (id, tenant_id, name, addresses, listening, last_sequence, updated_at) VALUES "
                + "('00000000-0000-0000-0000-00000000000a', 'acme', 'acme-a', '[]', '[]', 0, now()), "
                + "('00000000-0000-0000-0000-00000000000b', 'acme', 'acme-b', '[]', '[]', 0, now()), "
                + "('00000000-0000-0000-0000-00000000000c', 'acme', 'acme-c', '[]', '[]', 0, now()), "
                + "('00000000-0000-0000-0000-0000000000ff', 'globex', 'acme-a', '[]', '[]', 0, now())");
        sql("INSERT INTO advisory (id, title, severity, known_exploited, emergency_level, actionable, withdrawn, "
                + "aliases, affected, mitigations, patches, modified_at, updated_at) "
                + "SELECT 'ADV-' || n, 'advisory ' || n, (ARRAY['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', NULL])[n], "
                + "n IN (1, 3), 0, true, false, jsonb_build_array('CVE-2099-' || n), '[]', '[]', '[]', now(), now() "
                + "FROM generate_series(1, 5) n");
        // EPSS as the hub announced it; ADV-4 has no score.
        sql("UPDATE advisory SET epss = v.epss, epss_percentile = v.pct FROM (VALUES ('ADV-1', 0.9, 0.99), "
                + "('ADV-2', 0.5, 0.97), ('ADV-3', 0.1, 0.8), ('ADV-5', 0.50001, 0.97)) AS v (id, epss, pct) "
                + "WHERE advisory.id = v.id");
        // acme: every 10th finding PATCHED (closed), then MITIGATED, ACCEPTED_RISK, the rest OPEN.
        sql("INSERT INTO finding (tenant_id, machine_id, advisory_id, package_name, installed, action, state, "
                + "opened_at, updated_at, closed_at) SELECT 'acme', "
                + "('00000000-0000-0000-0000-00000000000' || (ARRAY['a', 'b', 'c'])[i % 3 + 1])::uuid, "
                + "'ADV-' || (i % 5 + 1), 'pkg-' || i, '1.0', "
                + "(ARRAY['PATCH', 'FILTER_UNTIL_PATCHED', 'FILTER', 'HALT_SERVICE', 'MONITOR'])[i % 4 + 1], "
                + "CASE i % 10 WHEN 0 THEN 'PATCHED' WHEN 1 THEN 'MITIGATED' WHEN 2 THEN 'ACCEPTED_RISK' "
                + "ELSE 'OPEN' END, now(), now(), CASE WHEN i % 10 = 0 THEN now() END "
                + "FROM generate_series(1, 240) i");
        // globex: a machine named like acme's, with the same packages, so that only the tenant tells them apart.
        sql("INSERT INTO finding (tenant_id, machine_id, advisory_id, package_name, installed, action, state, "
                + "opened_at, updated_at) SELECT 'globex', '00000000-0000-0000-0000-0000000000ff', "
                + "'ADV-' || (i % 5 + 1), 'pkg-' || i, '1.0', 'PATCH', 'OPEN', now(), now() "
                + "FROM generate_series(1, 30) i");
    }

    @Test
    void cursorPagesWalkEveryFindingExactlyOnceInIdOrder() {
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(user("acme-viewer")).queryParam("size", 17);
            request.queryParam("includeClosed", true);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/tenants/acme/findings");
            page.then().statusCode(200);
            List<Long> ids = ids(page);
            assertTrue(ids.size() <= 17 && !ids.isEmpty(), "page of " + ids.size());
            seen.addAll(ids);
            cursor = page.header("X-Next-Cursor");
            pages++;
        } while (cursor != null);
        assertEquals(15, pages, "240 findings in pages of 17");
        assertEquals(ids("tenant_id = 'acme'"), seen, "every acme finding once, in id order");
    }

    @Test
    void linkHeaderLeadsToTheNextPageWithTheSameFiltersUntilTheLast() {
        List<Long> seen = new ArrayList<>();
        Response page =
                given().auth().oauth2(user("acme-viewer")).get("/api/tenants/acme/findings?size=50&machine=acme-b");
        while (true) {
            page.then().statusCode(200).body("machine", everyItem(equalTo("acme-b")));
            seen.addAll(ids(page));
            String link = page.header("Link");
            if (link == null) {
                assertNull(page.header("X-Next-Cursor"), "no cursor on the last page");
                break;
            }
            Matcher next = NEXT.matcher(link);
            assertTrue(next.matches(), link);
            assertTrue(next.group(1).contains("machine=acme-b") && next.group(1).contains("size=50"), link);
            assertTrue(next.group(1).contains("cursor=" + page.header("X-Next-Cursor")), link);
            page = given().auth().oauth2(user("acme-viewer")).get(next.group(1));
        }
        assertEquals(
                ids("tenant_id = 'acme' AND machine_id = '00000000-0000-0000-0000-00000000000b' "
                        + "AND closed_at IS NULL"),
                seen);
        assertEquals(new HashSet<>(seen).size(), seen.size());
    }

    @Test
    void sizeDefaultsToOneHundred() {
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/findings")
                .then()
                .statusCode(200)
                .body("$", hasSize(100))
                .header("X-Next-Cursor", not(nullValue()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            machine=acme-a                  | machine_id = '00000000-0000-0000-0000-00000000000a' AND closed_at IS NULL
            machineId=00000000-0000-0000-0000-00000000000c&includeClosed=true | machine_id = '00000000-0000-0000-0000-00000000000c'
            severity=critical               | advisory_id = 'ADV-1' AND closed_at IS NULL
            severity=HIGH&state=mitigated   | advisory_id = 'ADV-2' AND state = 'MITIGATED'
            knownExploited=true             | advisory_id IN ('ADV-1', 'ADV-3') AND closed_at IS NULL
            knownExploited=false&includeClosed=true | advisory_id IN ('ADV-2', 'ADV-4', 'ADV-5')
            state=PATCHED                   | state = 'PATCHED'
            state=accepted_risk             | state = 'ACCEPTED_RISK'
            advisory=ADV-4                  | advisory_id = 'ADV-4' AND closed_at IS NULL
            action=HALT_SERVICE             | action = 'HALT_SERVICE' AND closed_at IS NULL
            package=pkg-7                   | package_name = 'pkg-7'
            package=pkg-10                  | false
            package=pkg-10&includeClosed=true | package_name = 'pkg-10'
            machine=acme-c&action=filter&knownExploited=true | machine_id = '00000000-0000-0000-0000-00000000000c' AND action = 'FILTER' AND advisory_id IN ('ADV-1', 'ADV-3') AND closed_at IS NULL
            machine=nobody                  | false
            minEpss=0.5                     | advisory_id IN ('ADV-1', 'ADV-2', 'ADV-5') AND closed_at IS NULL
            minEpss=0.50001&includeClosed=true | advisory_id IN ('ADV-1', 'ADV-5')
            minEpss=0                       | advisory_id <> 'ADV-4' AND closed_at IS NULL
            minEpss=0.95&knownExploited=true | false
            """)
    void filtersSelectExactlyTheMatchingFindings(String query, String condition) {
        List<Long> expected = ids("tenant_id = 'acme' AND " + condition);
        Response page = given().auth().oauth2(user("acme-viewer")).get("/api/tenants/acme/findings?size=1000&" + query);
        page.then().statusCode(200).header("X-Total-Kind", "exact");
        assertEquals(expected, ids(page), query);
        assertEquals(String.valueOf(expected.size()), page.header("X-Total-Count"), query);
    }

    @Test
    void everyFindingShowsItsAdvisorysEpssScore() {
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/findings?size=1000&advisory=ADV-1")
                .then()
                .statusCode(200)
                .body("epss", everyItem(equalTo(0.9f)))
                .body("epssPercentile", everyItem(equalTo(0.99f)));
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/findings?size=1000&advisory=ADV-4")
                .then()
                .statusCode(200)
                .body("epss", everyItem(nullValue()));
    }

    @Test
    void totalIsExactOnRequestAndEstimatedAboveTheExactCountLimitOtherwise() {
        // %test sets herd.portal.findings.exact-count-up-to=100; acme has 216 open findings.
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/findings?size=10&total=exact")
                .then()
                .statusCode(200)
                .header("X-Total-Count", "216")
                .header("X-Total-Kind", "exact");
        Response estimated = given().auth().oauth2(user("acme-viewer")).get("/api/tenants/acme/findings?size=10");
        estimated.then().statusCode(200).header("X-Total-Kind", "estimated");
        assertTrue(Long.parseLong(estimated.header("X-Total-Count")) > 100, estimated.header("X-Total-Count"));
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/findings?size=10&machine=acme-a&state=OPEN")
                .then()
                .statusCode(200)
                .header(
                        "X-Total-Count",
                        String.valueOf(ids("tenant_id = 'acme' AND machine_id = '" + ACME_A + "' AND state = 'OPEN'")
                                .size()))
                .header("X-Total-Kind", "exact");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            cursor=abc                                  | cursor         | cursor-invalid
            cursor=!!!                                  | cursor         | cursor-invalid
            cursor=ZjE6LTE                              | cursor         | cursor-invalid
            cursor=eDE6MTA                              | cursor         | cursor-invalid
            size=0                                      | size           | size-invalid
            size=1001                                   | size           | size-invalid
            size=ten                                    | size           | size-invalid
            size=99999999999                            | size           | size-invalid
            severity=SEVERE                             | severity       | severity-invalid
            state=CLOSED                                | state          | state-invalid
            action=PANIC                                | action         | action-invalid
            knownExploited=maybe                        | knownExploited | knownExploited-invalid
            includeClosed=yes                           | includeClosed  | includeClosed-invalid
            total=roughly                               | total          | total-invalid
            machineId=acme-a                            | machineId      | machine-id-invalid
            minEpss=1.5                                 | minEpss        | minEpss-invalid
            minEpss=-0.1                                | minEpss        | minEpss-invalid
            minEpss=likely                              | minEpss        | minEpss-invalid
            """)
    void badParametersAreProblemsNamingTheParameter(String query, String parameter, String code) {
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/findings?" + query)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo(code))
                .body("errors[0].field", equalTo(parameter))
                .body("detail", containsString(parameter));
    }

    @Test
    void anotherTenantsCallerGetsNoneOfTheData() {
        String cursor = given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/findings?size=5")
                .then()
                .statusCode(200)
                .extract()
                .header("X-Next-Cursor");
        for (String query : List.of("", "?machine=acme-a", "?total=exact", "?cursor=" + cursor)) {
            Response denied = given().auth().oauth2(user("globex-admin")).get("/api/tenants/acme/findings" + query);
            denied.then()
                    .statusCode(403)
                    .body("code", equalTo("tenant-access-denied"))
                    .body(not(containsString("pkg-")));
            assertNull(denied.header("X-Total-Count"), query);
            assertNull(denied.header("X-Next-Cursor"), query);
        }
        // acme's cursor at globex pages only globex's findings.
        Response globex =
                given().auth().oauth2(user("globex-admin")).get("/api/tenants/globex/findings?cursor=" + cursor);
        globex.then().statusCode(200);
        List<Long> globexIds = ids("tenant_id = 'globex'");
        assertTrue(
                globexIds.containsAll(ids(globex)) && !ids(globex).isEmpty(),
                ids(globex).toString());
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/globex/findings?machine=acme-a")
                .then()
                .statusCode(403);
    }

    private static List<Long> ids(Response page) {
        List<Map<String, Object>> rows = page.jsonPath().getList("$");
        return rows.stream().map(r -> ((Number) r.get("id")).longValue()).toList();
    }

    private List<Long> ids(String condition) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> ids = entityManager
                    .createNativeQuery("SELECT id FROM finding WHERE " + condition + " ORDER BY id")
                    .getResultList();
            return ids.stream().map(Number::longValue).toList();
        });
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager.createNativeQuery(statement).executeUpdate());
    }
}
