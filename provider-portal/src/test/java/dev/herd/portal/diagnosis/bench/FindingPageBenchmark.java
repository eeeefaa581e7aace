package dev.herd.portal.diagnosis.bench;

import dev.herd.portal.diagnosis.FindingCursor;
import dev.herd.portal.support.PortalFixtures;
import dev.herd.testing.EmbeddedArtemisResource;
import dev.herd.testing.KeycloakTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@code ./herd bench findings}: loads {@code herd.bench.findings} findings (default 360,000) into tenant acme in
 * SQL, then measures p50/p95 of GET /api/tenants/acme/findings pages through the real HTTP API (first page, a page
 * deep in by cursor, filtered pages) against the baseline of the same run: the list and count queries the API ran
 * before keyset paging (ORDER BY machine name, advisory, package with OFFSET, and count(*)), timed in the database
 * alone, without HTTP. Writes the table to target/findings-bench.txt. Runs only when the property is set.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
@EnabledIfSystemProperty(named = "herd.bench.findings", matches = "\\d+")
class FindingPageBenchmark {

    private static final int MACHINES = 500;
    private static final int ADVISORIES = 3000;
    private static final int SIZE = 100;

    private static final String OLD_LIST = "SELECT f.id, m.name, f.machine_id, f.advisory_id, CAST(a.aliases AS text), "
            + "f.source_document, f.package_name, f.installed, f.fixed, f.action, f.state, f.opened_at, "
            + "f.updated_at, f.closed_at FROM finding f JOIN machine m ON m.id = f.machine_id "
            + "LEFT JOIN advisory a ON a.id = f.advisory_id WHERE f.tenant_id = 'acme' AND f.closed_at IS NULL "
            + "ORDER BY m.name, f.advisory_id, f.package_name LIMIT " + SIZE + " OFFSET ";
    private static final String OLD_COUNT = "SELECT count(*) FROM finding f JOIN machine m ON m.id = f.machine_id "
            + "WHERE f.tenant_id = 'acme' AND f.closed_at IS NULL";

    @Inject
    PortalFixtures fixtures;

    @Inject
    EntityManager entityManager;

    @TestHTTPResource("/api/tenants/acme/findings")
    URI findings;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> lines = new ArrayList<>();
    private double baseline;

    @Test
    void findingPages() throws Exception {
        int count = Integer.parseInt(System.getProperty("herd.bench.findings"));
        long started = System.nanoTime();
        load(count);
        long open = fixtures.count("SELECT count(*) FROM finding WHERE tenant_id = 'acme' AND closed_at IS NULL");
        print(String.format(
                "loaded %,d acme findings (%,d open) on %d machines, %,d advisories, in %.1f s",
                count, open, MACHINES, ADVISORIES, (System.nanoTime() - started) / 1e9));
        long deep = fixtures.count("SELECT id FROM finding WHERE tenant_id = 'acme' AND closed_at IS NULL "
                + "ORDER BY id OFFSET " + (open * 9 / 10) + " LIMIT 1");
        String cursor = new FindingCursor(deep).encode();

        print(String.format("%n%-62s %9s %9s %9s", "run (page size " + SIZE + ")", "p50 ms", "p95 ms", "p95 ratio"));
        baseline = report("old offset query, first page + count(*) (SQL only)", 20, () -> oldQuery(0));
        report("old offset query, page at 90% + count(*) (SQL only)", 20, () -> oldQuery(open * 9 / 10));
        report("GET first page (HTTP)", 200, () -> get(""));
        report("GET page at 90% by cursor (HTTP)", 200, () -> get("cursor=" + cursor));
        report("GET first page, total=exact (HTTP)", 20, () -> get("total=exact"));
        report("GET first page, severity=critical (HTTP)", 200, () -> get("severity=critical"));
        report("GET page at 90%, knownExploited=true (HTTP)", 200, () -> get("knownExploited=true&cursor=" + cursor));
        report("GET first page, machine=bench-0042 (HTTP)", 200, () -> get("machine=bench-0042"));
        report("GET first page, state=mitigated (HTTP)", 200, () -> get("state=mitigated"));
        Path out = Path.of("target", "findings-bench.txt");
        Files.write(out, lines);
    }

    /** Machines, advisories (10% critical, 5% known exploited) and findings of acme (1 in 13 closed), then ANALYZE. */
    private void load(int count) {
        fixtures.reset();
        sql("INSERT INTO machine (id, tenant_id, name, addresses, listening, last_sequence, updated_at) "
                + "SELECT ('00000000-0000-0000-0000-' || lpad(to_hex(n), 12, '0'))::uuid, 'acme', "
                + "'bench-' || lpad(n::text, 4, '0'), '[]', '[]', 0, now() FROM generate_series(0, " + (MACHINES - 1)
                + ") n");
        sql("INSERT INTO machine (id, tenant_id, name, addresses, listening, last_sequence, updated_at) VALUES "
                + "('00000000-0000-0000-0001-000000000000', 'globex', 'globex-1', '[]', '[]', 0, now())");
        sql("INSERT INTO advisory (id, title, severity, known_exploited, emergency_level, actionable, withdrawn, "
                + "aliases, affected, mitigations, patches, modified_at, updated_at) SELECT 'BENCH-' || n, 'bench', "
                + "(ARRAY['CRITICAL', 'HIGH', 'HIGH', 'MEDIUM', 'MEDIUM', 'MEDIUM', 'LOW', 'LOW', 'NONE', NULL])"
                + "[n % 10 + 1], n % 20 = 0, 0, true, false, jsonb_build_array('CVE-2099-' || n), '[]', '[]', '[]', "
                + "now(), now() FROM generate_series(0, " + (ADVISORIES - 1) + ") n");
        sql("INSERT INTO finding (tenant_id, machine_id, advisory_id, package_name, installed, fixed, action, state, "
                + "opened_at, updated_at, closed_at) SELECT 'acme', "
                + "('00000000-0000-0000-0000-' || lpad(to_hex(i % " + MACHINES + "), 12, '0'))::uuid, "
                + "'BENCH-' || (i % " + ADVISORIES + "), 'pkg-' || (i % 997), '1.0-' || i, '1.1', "
                + "(ARRAY['PATCH', 'FILTER_UNTIL_PATCHED', 'FILTER', 'MONITOR'])[i % 4 + 1], "
                + "CASE i % 13 WHEN 0 THEN 'PATCHED' WHEN 1 THEN 'MITIGATED' ELSE 'OPEN' END, "
                + "now(), now(), CASE WHEN i % 13 = 0 THEN now() END FROM generate_series(0, " + (count - 1) + ") i");
        // Another tenant's findings in the same table, as in any real portal.
        sql("INSERT INTO finding (tenant_id, machine_id, advisory_id, package_name, installed, action, state, "
                + "opened_at, updated_at) SELECT 'globex', '00000000-0000-0000-0001-000000000000', "
                + "'BENCH-' || (i % " + ADVISORIES + "), 'pkg-' || i, '1.0', 'PATCH', 'OPEN', now(), now() "
                + "FROM generate_series(0, 19999) i");
        sql("ANALYZE finding");
        sql("ANALYZE machine");
        sql("ANALYZE advisory");
    }

    private void oldQuery(long offset) {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery(OLD_LIST + offset).getResultList();
            entityManager.createNativeQuery(OLD_COUNT).getSingleResult();
        });
    }

    private void get(String query) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(findings + "?" + query))
                .header("Authorization", "Bearer " + KeycloakTokens.user("acme-viewer"))
                .build();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200 || answer.body().length() < 3) {
                throw new IllegalStateException("GET ?" + query + ": " + answer.statusCode() + " " + answer.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("GET ?" + query, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Runs {@code run} a few times to warm up, then {@code rounds} times; prints p50 and p95; returns p95. */
    private double report(String label, int rounds, Runnable run) {
        for (int i = 0; i < Math.max(3, rounds / 10); i++) {
            run.run();
        }
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            run.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        double p50 = percentile(ms, 50);
        double p95 = percentile(ms, 95);
        double ratio = baseline == 0 ? 1 : baseline / p95;
        print(String.format("%-62s %9.1f %9.1f %8.1fx", label, p50, p95, ratio));
        return p95;
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private void print(String line) {
        System.out.println(line);
        lines.add(line);
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew()
                .timeout(900)
                .run(() -> entityManager.createNativeQuery(statement).executeUpdate());
    }
}
