package dev.herd.portal.audit;

import dev.herd.contracts.tenancy.Caller;
import dev.herd.portal.tenant.TenantService;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A tenant's network configuration files with their expected permissions and newest changes, those that differ
 * first, for callers allowed on the tenant.
 */
@ApplicationScoped
public class ConfigFileService {

    /** The most changes shown per file. */
    public static final int CHANGES_EACH = 5;

    private final TenantService tenants;
    private final ConfigFileRepository repository;

    public ConfigFileService(TenantService tenants, ConfigFileRepository repository) {
        this.tenants = tenants;
        this.repository = repository;
    }

    public AuditPage<ConfigFileView> page(Caller caller, String tenant, AuditQuery query) {
        tenants.get(caller, tenant); // 404 for no such tenant, 403 for another tenant's caller
        return new AuditPage<>(
                tenant,
                query.index() + 1,
                query.size(),
                repository.count(tenant, query.machine()),
                repository.page(tenant, query, CHANGES_EACH));
    }
}
