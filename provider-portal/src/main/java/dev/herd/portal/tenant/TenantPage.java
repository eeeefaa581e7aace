package dev.herd.portal.tenant;

import java.util.List;

/** One page of tenants: the rows, which page of what size, and how many tenants there are in all. */
public record TenantPage(List<TenantView> tenants, int index, int size, long total) {

    /**
     * The orders a tenant list can be sorted in. The index orders use each tenant's last index sample
     * ({@code herd.portal.index.sample-every}); tenants not sampled yet come last either way.
     */
    public enum Order {
        ID,
        ID_DESC,
        NAME,
        NAME_DESC,
        VULNERABILITY,
        VULNERABILITY_DESC,
        RISK,
        RISK_DESC;

        /** The sampled index column this order sorts by, or null for id and name. */
        public String indexColumn() {
            return switch (this) {
                case VULNERABILITY, VULNERABILITY_DESC -> "vulnerability_index";
                case RISK, RISK_DESC -> "risk_index";
                default -> null;
            };
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
