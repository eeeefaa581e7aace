package dev.herd.portal.tenant;

import java.time.Instant;

/** A tenant as the API shows it. */
public record TenantView(String id, String displayName, Instant createdAt) {

    static TenantView of(Tenant tenant) {
        return new TenantView(tenant.id, tenant.displayName, tenant.createdAt);
    }
}
