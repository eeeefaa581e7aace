package dev.herd.portal.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herd.contracts.tenancy.Caller;
import dev.herd.contracts.tenancy.Roles;
import dev.herd.portal.index.IndexHistoryService;
import dev.herd.portal.support.PortalFixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tenants table sorted by an index or a count: each tenant's last sample counts, unsampled tenants come last. */
@QuarkusTest
class TenantIndexOrderTest {

    private static final Caller STAFF =
            new Caller("herd-analyst", Set.of(Roles.MSSP_ANALYST), Optional.empty(), Optional.empty());

    @Inject
    PortalFixtures fixtures;

    @Inject
    TenantService tenants;

    @Inject
    IndexHistoryService history;

    @BeforeEach
    void samples() {
        fixtures.reset();
        fixtures.execute("INSERT INTO tenant (id, display_name, created_at) VALUES ('idx-low', 'Low', now()), "
                + "('idx-high', 'High', now()), ('idx-none', 'Not sampled', now()) ON CONFLICT DO NOTHING");
        // idx-high was the lowest once; its last sample is the highest.
        fixtures.execute("INSERT INTO index_sample (tenant_id, sampled_at, vulnerability_index, "
                + "vulnerability_deviation, risk_index, risk_deviation) VALUES "
                + "('idx-low', now() - interval '1 minute', 40, 0, 10, 0), "
                + "('idx-high', now() - interval '1 hour', 1, 0, 1, 0), "
                + "('idx-high', now() - interval '1 minute', 20, 0, 30, 0)");
    }

    @Test
    void staffSeeTheRiskiestFirstAndTheUnsampledLast() {
        List<String> riskiest = ids(tenants.page(STAFF, TenantPage.Order.RISK_DESC, 0, 1000));
        assertEquals(List.of("idx-high", "idx-low"), riskiest.subList(0, 2));
        assertEquals(List.of("idx-low", "idx-high"), ids(tenants.page(STAFF, TenantPage.Order.RISK, 0, 2)));
        assertEquals(
                List.of("idx-low", "idx-high"), ids(tenants.page(STAFF, TenantPage.Order.VULNERABILITY_DESC, 0, 2)));
        // Not sampled: after every sampled tenant in both directions.
        List<String> ascending = ids(tenants.page(STAFF, TenantPage.Order.RISK, 0, 1000));
        assertEquals(riskiest.size(), ascending.size());
        assertTrue(ascending.indexOf("idx-none") > 1, "idx-none at " + ascending.indexOf("idx-none"));
        assertTrue(riskiest.indexOf("idx-none") > 1, "idx-none at " + riskiest.indexOf("idx-none"));
        // Pages follow the order: the second page of one starts where the first ended.
        assertEquals(List.of("idx-low"), ids(tenants.page(STAFF, TenantPage.Order.RISK_DESC, 1, 1)));
    }

    @Test
    void staffSortByEachCountAndTheLastReport() {
        // idx-low: most open findings and known-exploited in its last sample; idx-high: one open case, two open
        // warnings (and a closed case, an applied warning that do not count); idx-none: the newest report.
        fixtures.execute("UPDATE index_sample SET open_findings = CASE tenant_id WHEN 'idx-low' THEN 90 ELSE 3 END, "
                + "known_exploited = CASE tenant_id WHEN 'idx-low' THEN 7 ELSE 1 END");
        fixtures.execute("INSERT INTO damage_case (id, tenant_id, state, opened_at, updated_at) VALUES "
                + "(gen_random_uuid(), 'idx-high', 'OPEN', now(), now()), "
                + "(gen_random_uuid(), 'idx-low', 'CLOSED', now(), now()), "
                + "(gen_random_uuid(), 'idx-low', 'CLOSED', now(), now())");
        fixtures.execute(
                "INSERT INTO tenant_warning (id, tenant_id, anomaly_key, indicator, reporting, countermeasure, "
                        + "state, created_at) VALUES "
                        + "(gen_random_uuid(), 'idx-high', 'k1', 'probe', 2, 'filter', 'OPEN', now()), "
                        + "(gen_random_uuid(), 'idx-high', 'k2', 'probe', 2, 'filter', 'OPEN', now()), "
                        + "(gen_random_uuid(), 'idx-low', 'k1', 'probe', 2, 'filter', 'APPLIED', now())");
        fixtures.execute("INSERT INTO machine (id, tenant_id, name, addresses, listening, last_sequence, updated_at) "
                + "VALUES (gen_random_uuid(), 'idx-low', 'old', '[]', '[]', 1, now() - interval '2 days'), "
                + "(gen_random_uuid(), 'idx-none', 'new', '[]', '[]', 1, now() - interval '1 minute'), "
                + "(gen_random_uuid(), 'idx-low', 'older', '[]', '[]', 1, now() - interval '3 days')");

        assertEquals(List.of("idx-low", "idx-high"), top(TenantPage.Order.FINDINGS_DESC, 2));
        assertEquals(List.of("idx-high", "idx-low"), top(TenantPage.Order.FINDINGS, 2));
        assertEquals(List.of("idx-low", "idx-high"), top(TenantPage.Order.KNOWN_EXPLOITED_DESC, 2));
        assertEquals("idx-high", top(TenantPage.Order.CASES_DESC, 1).getFirst());
        assertEquals("idx-high", top(TenantPage.Order.WARNINGS_DESC, 1).getFirst());
        assertEquals(List.of("idx-none", "idx-low"), top(TenantPage.Order.LAST_REPORT_DESC, 2));
        assertEquals(List.of("idx-low", "idx-none"), top(TenantPage.Order.LAST_REPORT, 2));
        // Not sampled: idx-none has no findings figure and comes after the sampled ones in both directions.
        List<String> all = ids(tenants.page(STAFF, TenantPage.Order.FINDINGS, 0, 1000));
        assertTrue(all.indexOf("idx-none") > 1, "idx-none at " + all.indexOf("idx-none"));
        // Pages follow the order.
        assertEquals(List.of("idx-high"), ids(tenants.page(STAFF, TenantPage.Order.FINDINGS_DESC, 1, 1)));
    }

    @Test
    void aTenantUserSortingByACountStillSeesOnlyItsOwnTenant() {
        Caller noneViewer =
                new Caller("none-viewer", Set.of(Roles.TENANT_VIEWER), Optional.of("idx-none"), Optional.empty());
        for (TenantPage.Order order : TenantPage.Order.values()) {
            TenantPage page = tenants.page(noneViewer, order, 0, 50);
            assertEquals(List.of("idx-none"), ids(page), order.name());
            assertEquals(1, page.total());
        }
    }

    @Test
    void aSampleTakenNowCarriesTheFindingCounts() {
        history.sample(java.time.Instant.now());
        assertTrue(fixtures.count("SELECT count(*) FROM index_sample WHERE open_findings IS NOT NULL "
                        + "AND known_exploited IS NOT NULL")
                > 0);
    }

    private List<String> top(TenantPage.Order order, int n) {
        return ids(tenants.page(STAFF, order, 0, 1000)).subList(0, n);
    }

    @Test
    void aTenantUserSortingByIndexStillSeesOnlyItsOwnTenant() {
        Caller lowAdmin = new Caller("low-admin", Set.of(Roles.TENANT_ADMIN), Optional.of("idx-low"), Optional.empty());
        TenantPage page = tenants.page(lowAdmin, TenantPage.Order.RISK_DESC, 0, 50);
        assertEquals(List.of("idx-low"), ids(page));
        assertEquals(1, page.total());
    }

    private static List<String> ids(TenantPage page) {
        return page.tenants().stream().map(TenantView::id).toList();
    }
}
