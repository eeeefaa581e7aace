package dev.herd.portal.tenant;

import java.util.List;

/** One page of tenants: the rows, which page of what size, and how many tenants there are in all. */
public record TenantPage(List<TenantView> tenants, int index, int size, long total) {

    /**
     * The orders a tenant list can be sorted in. The index, findings and known-exploited orders use each tenant's last
     * index sample ({@code herd.portal.index.sample-every}); tenants not sampled yet come last either way. Cases,
     * warnings and last report are read now, one bounded index read per tenant.
     */
    public enum Order {
        ID,
        ID_DESC,
        NAME,
        NAME_DESC,
        VULNERABILITY,
        VULNERABILITY_DESC,
        RISK,
        RISK_DESC,
        FINDINGS,
        FINDINGS_DESC,
        KNOWN_EXPLOITED,
        KNOWN_EXPLOITED_DESC,
        CASES,
        CASES_DESC,
        WARNINGS,
        WARNINGS_DESC,
        LAST_REPORT,
        LAST_REPORT_DESC;

        /** Whether this order sorts by a figure of each tenant rather than by the tenant's id or name. */
        public boolean byFigure() {
            return !name().startsWith("ID") && !name().startsWith("NAME");
        }

        /** The figure sorted by: the order's name without {@code _DESC}. */
        public String figure() {
            return name().replace("_DESC", "");
        }

        public boolean descending() {
            return name().endsWith("_DESC");
        }
    }

    public boolean hasNext() {
        return (long) (index + 1) * size < total;
    }

    public boolean hasPrevious() {
        return index > 0;
    }
}
