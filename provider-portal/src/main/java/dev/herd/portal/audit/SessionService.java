package dev.herd.portal.audit;

import dev.herd.contracts.tenancy.Caller;
import dev.herd.portal.tenant.TenantService;
import jakarta.enterprise.context.ApplicationScoped;

/** A tenant's privileged sessions, newest first, for callers allowed on the tenant. */
@ApplicationScoped
public class SessionService {

    private final TenantService tenants;
    private final PrivilegedSessionRepository repository;

    public SessionService(TenantService tenants, PrivilegedSessionRepository repository) {
        this.tenants = tenants;
        this.repository = repository;
    }

    public AuditPage<SessionView> page(Caller caller, String tenant, AuditQuery query) {
        tenants.get(caller, tenant); // 404 for no such tenant, 403 for another tenant's caller
        return new AuditPage<>(
                tenant,
                query.index() + 1,
                query.size(),
                repository.count(tenant, query.machine()),
                repository.page(tenant, query));
    }
}
