package dev.herd.portal.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Reading and saving a tenant's policy, for other features' pages (the caller's access is checked by the caller). */
@ApplicationScoped
public class PolicyService {

    private final PolicyRepository policies;

    public PolicyService(PolicyRepository policies) {
        this.policies = policies;
    }

    /** The tenant's policy, the defaults when it never set one. */
    public TenantPolicy of(String tenantId) {
        return policies.of(tenantId);
    }

    /** Saves the tenant's policy as {@code by} set it; the policy as stored. */
    @Transactional
    public TenantPolicy save(String tenantId, TenantPolicy policy, String by) {
        policies.save(tenantId, policy, by);
        return policies.of(tenantId);
    }
}
