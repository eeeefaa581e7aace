package dev.herd.portal.audit;

import dev.herd.contracts.tenancy.Caller;
import dev.herd.portal.tenant.TenantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * A tenant's expected configuration file permissions: read by everyone of the tenant, replaced by its admins (the
 * resource's roles), after which its stored files are checked again.
 */
@ApplicationScoped
public class ExpectedConfigFileService {

    private final TenantService tenants;
    private final ExpectedConfigFileRepository repository;
    private final AuditEvidenceService audit;

    public ExpectedConfigFileService(
            TenantService tenants, ExpectedConfigFileRepository repository, AuditEvidenceService audit) {
        this.tenants = tenants;
        this.repository = repository;
        this.audit = audit;
    }

    public ExpectedConfigFiles of(Caller caller, String tenant) {
        tenants.get(caller, tenant); // 404 for no such tenant, 403 for another tenant's caller
        return new ExpectedConfigFiles(repository.of(tenant), ExpectedPermissions.DEFAULTS);
    }

    @Transactional
    public ExpectedConfigFiles replace(Caller caller, String tenant, ExpectedEntries request) {
        tenants.get(caller, tenant);
        Instant now = Instant.now();
        repository.replace(tenant, request.entries(), caller.subject(), now);
        audit.recheck(tenant, now);
        return of(caller, tenant);
    }
}
