package dev.herd.contracts.tenancy;

import dev.herd.contracts.problem.HerdException;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as the validated token says: subject, realm roles and, for tenant-bound callers, their tenant.
 *
 * <p>MSSP staff reach every tenant; everyone else reaches only the tenant of their token. The tenant never comes
 * from the URL or the body.
 */
public record Caller(String subject, Set<String> roles, Optional<String> tenantId, Optional<String> providerId) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean isMsspStaff() {
        return roles.contains(Roles.MSSP_ADMIN) || roles.contains(Roles.MSSP_ANALYST);
    }

    /** The tenant this caller is confined to, or empty when the caller is MSSP staff and sees every tenant. */
    public Optional<String> tenantScope() {
        return isMsspStaff() ? Optional.empty() : Optional.of(boundTenant());
    }

    /** The caller's own tenant; fails for callers without one (MSSP staff must name the tenant they act on). */
    public String boundTenant() {
        return tenantId.orElseThrow(() -> HerdException.forbidden(
                "tenant-claim-missing", "Your token carries no " + Roles.TENANT_CLAIM + " claim."));
    }

    /** Passes when this caller may act on {@code tenant}; otherwise a 403 problem. */
    public void requireAccessTo(String tenant) {
        if (!isMsspStaff() && !tenantId.map(tenant::equals).orElse(false)) {
            throw HerdException.forbidden(
                    "tenant-access-denied", "You are not allowed to access tenant '" + tenant + "'.");
        }
    }
}
