package dev.herd.portal.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herd.contracts.tenancy.Caller;
import dev.herd.contracts.tenancy.Roles;
import dev.herd.portal.support.PortalFixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tenants table sorted by an index: each tenant's last sample counts, unsampled tenants come last. */
@QuarkusTest
class TenantIndexOrderTest {

    private static final Caller STAFF =
            new Caller("herd-analyst", Set.of(Roles.MSSP_ANALYST), Optional.empty(), Optional.empty());

    @Inject
    PortalFixtures fixtures;

    @Inject
    TenantService tenants;

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
