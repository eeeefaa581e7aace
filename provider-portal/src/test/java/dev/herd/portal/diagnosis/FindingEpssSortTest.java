package dev.herd.portal.diagnosis;

import static dev.herd.testing.KeycloakTokens.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Findings by EPSS score ({@code sort=epss}): keyset pages in score order, highest first, findings without a score
 * last, ties by id, each filter combined, against the same order in SQL; bad sorts and cursors as 400 problems; no data
 * for another tenant's caller. 200 acme findings (20 closed) over eight advisories — three sharing 0.5, one scored 0,
 * two without a score — and 20 globex findings.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class FindingEpssSortTest {

    private static final Pattern NEXT = Pattern.compile("^<([^>]+)>; rel=\"next\"$");

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
                + "('00000000-0000-0000-0000-0000000000ff', 'globex', 'globex-a', '[]', '[]', 0, now())");
        sql("INSERT INTO advisory (id, title, severity, known_exploited, emergency_level, actionable, withdrawn, "
                + "aliases, affected, mitigations, patches, modified_at, updated_at, epss, epss_percentile) "
                + "SELECT 'E-' || n, 'advisory ' || n, (ARRAY['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'])[n % 4 + 1], "
                + "n = 3, 0, true, false, jsonb_build_array('CVE-2098-' || n), '[]', '[]', '[]', now(), now(), "
                + "(ARRAY[0.9, 0.5, 0.5, 0.5, 0.1, NULL, NULL, 0])[n], (ARRAY[0.99, 0.9, 0.9, 0.9, 0.5, NULL, NULL, 0])[n] "
                + "FROM generate_series(1, 8) n");
        sql("INSERT INTO finding (tenant_id, machine_id, advisory_id, package_name, installed, action, state, "
                + "opened_at, updated_at, closed_at) SELECT 'acme', "
                + "('00000000-0000-0000-0000-00000000000' || (ARRAY['a', 'b', 'c'])[i % 3 + 1])::uuid, "
                + "'E-' || (i % 8 + 1), 'pkg-' || i, '1.0', 'PATCH', "
                + "CASE i % 10 WHEN 0 THEN 'PATCHED' WHEN 1 THEN 'MITIGATED' ELSE 'OPEN' END, now(), now(), "
                + "CASE WHEN i % 10 = 0 THEN now() END FROM generate_series(1, 200) i");
        sql("INSERT INTO finding (tenant_id, machine_id, advisory_id, package_name, installed, action, state, "
                + "opened_at, updated_at) SELECT 'globex', '00000000-0000-0000-0000-0000000000ff', "
                + "'E-' || (i % 8 + 1), 'pkg-' || i, '1.0', 'PATCH', 'OPEN', now(), now() "
                + "FROM generate_series(1, 20) i");
    }

    @ParameterizedTest(name = "size={0}")
    @ValueSource(ints = {1, 7, 30, 1000})
    void pagesWalkEveryFindingOnceByScoreTiesByIdUnscoredLast(int size) {
        List<Map<String, Object>> seen = walk("acme-viewer", "acme", "includeClosed=true&size=" + size);
        List<Long> ids =
                seen.stream().map(r -> ((Number) r.get("id")).longValue()).toList();
        assertEquals(expected("true"), ids, "every acme finding once, by score then id");
        assertEquals(200, new HashSet<>(ids).size());
        // Spelled out: the three advisories of 0.5 interleave by id, 0 comes before no score, no score is last.
        List<Long> tie = seen.stream()
                .filter(r -> Float.valueOf(0.5f).equals(r.get("epss")))
                .map(r -> ((Number) r.get("id")).longValue())
                .toList();
        assertEquals(75, tie.size());
        assertEquals(tie.stream().sorted().toList(), tie, "ties in id order");
        int firstUnscored = ids.size() - 50;
        assertTrue(seen.subList(firstUnscored, ids.size()).stream().allMatch(r -> r.get("epss") == null));
        assertTrue(seen.subList(0, firstUnscored).stream().allMatch(r -> r.get("epss") != null));
        assertEquals(0.0f, ((Number) seen.get(firstUnscored - 1).get("epss")).floatValue());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            minEpss=0.5                          | a.epss >= 0.5 AND f.closed_at IS NULL
            minEpss=0.5&size=2                   | a.epss >= 0.5 AND f.closed_at IS NULL
            minEpss=0&includeClosed=true         | a.epss >= 0
            minEpss=0.1&machine=acme-b           | a.epss >= 0.1 AND f.machine_id = '00000000-0000-0000-0000-00000000000b' AND f.closed_at IS NULL
            minEpss=0.95                         | false
            severity=high                        | a.severity = 'HIGH' AND f.closed_at IS NULL
            knownExploited=false&state=mitigated | NOT a.known_exploited AND f.state = 'MITIGATED'
            state=patched                        | f.state = 'PATCHED'
            machine=acme-c                       | f.machine_id = '00000000-0000-0000-0000-00000000000c' AND f.closed_at IS NULL
            advisory=E-6                         | f.advisory_id = 'E-6' AND f.closed_at IS NULL
            machine=nobody                       | false
            """)
    void filtersCombineWithTheOrder(String query, String condition) {
        String sized = query.contains("size=") ? query : query + "&size=4";
        List<Long> ids = walk("acme-viewer", "acme", sized).stream()
                .map(r -> ((Number) r.get("id")).longValue())
                .toList();
        assertEquals(expected(condition), ids, query);
    }

    @Test
    void linkHeaderKeepsTheOrderAndTheFilters() {
        Response first = given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/findings?sort=epss&size=10&minEpss=0.1");
        first.then().statusCode(200);
        Matcher next = NEXT.matcher(first.header("Link"));
        assertTrue(next.matches(), first.header("Link"));
        assertTrue(next.group(1).contains("sort=epss") && next.group(1).contains("minEpss=0.1"), next.group(1));
        assertTrue(next.group(1).contains("cursor=" + first.header("X-Next-Cursor")), next.group(1));
        Response second = given().auth().oauth2(user("acme-viewer")).get(next.group(1));
        second.then().statusCode(200);
        assertEquals(expected("a.epss >= 0.1 AND f.closed_at IS NULL").subList(10, 20), ids(second));
    }

    @Test
    void badSortIsAProblemNamingTheField() {
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/findings?sort=loudest")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("sort-invalid"))
                .body("errors[0].field", equalTo("sort"))
                .body("detail", containsString("[id, epss]"));
    }

    @Test
    void aCursorContinuesOnlyTheOrderItCameFrom() {
        String byId = given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/findings?size=5")
                .header("X-Next-Cursor");
        String byEpss = given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/findings?size=5&sort=epss")
                .header("X-Next-Cursor");
        assertCursorInvalid("sort=epss&cursor=" + byId, "sort=id");
        assertCursorInvalid("cursor=" + byEpss, "sort=epss");
        assertCursorInvalid("sort=id&cursor=" + byEpss, "sort=epss");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "e1:2:5",
                "e1:-0.1:5",
                "e1:0.5",
                "e1:0.123456:5",
                "e1:none:-1",
                "e1:abc:5",
                "e1:0.5:x",
                "e1:1E-9999999:5",
                "e1:0.5:5:5",
                "e1::5"
            })
    void forgedEpssCursorsAreProblems(String plain) {
        String cursor =
                Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
        assertCursorInvalid("sort=epss&cursor=" + cursor, "not a cursor");
    }

    @Test
    void anotherTenantsCallerGetsNoneOfTheData() {
        String cursor = given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/findings?sort=epss&size=5")
                .then()
                .statusCode(200)
                .extract()
                .header("X-Next-Cursor");
        for (String query : List.of("?sort=epss", "?sort=epss&minEpss=0.5", "?sort=epss&cursor=" + cursor)) {
            Response denied = given().auth().oauth2(user("globex-admin")).get("/api/tenants/acme/findings" + query);
            denied.then()
                    .statusCode(403)
                    .body("code", equalTo("tenant-access-denied"))
                    .body(not(containsString("pkg-")));
            assertNull(denied.header("X-Total-Count"), query);
            assertNull(denied.header("X-Next-Cursor"), query);
        }
        // acme's cursor at globex positions only globex's findings: those after acme's fifth in the same order.
        List<Long> globex = walk("globex-admin", "globex", "size=100&cursor=" + cursor).stream()
                .map(r -> ((Number) r.get("id")).longValue())
                .toList();
        List<Long> all = expected("true", "globex");
        assertTrue(all.containsAll(globex) && !globex.isEmpty(), globex.toString());
        assertEquals(all.subList(all.size() - globex.size(), all.size()), globex);
    }

    private void assertCursorInvalid(String query, String detail) {
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/tenants/acme/findings?" + query)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("cursor-invalid"))
                .body("errors[0].field", equalTo("cursor"))
                .body("detail", containsString(detail));
    }

    /** Every page of the tenant's findings by EPSS, following X-Next-Cursor from the first (or the given) cursor. */
    private static List<Map<String, Object>> walk(String username, String tenant, String query) {
        List<Map<String, Object>> seen = new ArrayList<>();
        String url = "/api/tenants/" + tenant + "/findings?sort=epss&" + query;
        for (int pages = 0; url != null; pages++) {
            assertTrue(pages <= 220, "a walk that does not end");
            Response page = given().auth().oauth2(user(username)).get(url);
            page.then().statusCode(200);
            seen.addAll(page.jsonPath().getList("$"));
            String cursor = page.header("X-Next-Cursor");
            url = cursor == null
                    ? null
                    : "/api/tenants/" + tenant + "/findings?sort=epss&" + query.replaceAll("&?cursor=[^&]*", "")
                            + "&cursor=" + cursor;
        }
        return seen;
    }

    private static List<Long> ids(Response page) {
        List<Map<String, Object>> rows = page.jsonPath().getList("$");
        return rows.stream().map(r -> ((Number) r.get("id")).longValue()).toList();
    }

    private List<Long> expected(String condition) {
        return expected(condition, "acme");
    }

    private List<Long> expected(String condition, String tenant) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> ids = entityManager
                    .createNativeQuery("SELECT f.id FROM finding f LEFT JOIN advisory a ON a.id = f.advisory_id "
                            + "WHERE f.tenant_id = '" + tenant + "' AND " + condition
                            + " ORDER BY a.epss DESC NULLS LAST, f.id")
                    .getResultList();
            return ids.stream().map(Number::longValue).toList();
        });
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager.createNativeQuery(statement).executeUpdate());
    }
}
