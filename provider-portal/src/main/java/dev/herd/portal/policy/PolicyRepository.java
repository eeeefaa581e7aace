package dev.herd.portal.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Tenant policies, stored as one JSON document per tenant; a tenant without one has the defaults. */
@ApplicationScoped
public class PolicyRepository {

    private final EntityManager entityManager;
    private final ObjectMapper json;

    public PolicyRepository(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    public TenantPolicy of(String tenantId) {
        return of(List.of(tenantId)).get(tenantId);
    }

    /** The policies of these tenants, with one query; every tenant has an entry. */
    public Map<String, TenantPolicy> of(Collection<String> tenantIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT tenant_id, CAST(policy AS text) FROM tenant_policy "
                        + "WHERE tenant_id = ANY(CAST(:t AS text[]))")
                .setParameter("t", tenantIds.toArray(String[]::new))
                .getResultList();
        Map<String, TenantPolicy> policies = new HashMap<>();
        for (Object[] row : rows) {
            try {
                policies.put((String) row[0], json.readValue((String) row[1], TenantPolicy.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored policy of tenant " + row[0] + " is unreadable", e);
            }
        }
        tenantIds.forEach(tenant -> policies.putIfAbsent(tenant, TenantPolicy.defaults()));
        return policies;
    }

    public void save(String tenantId, TenantPolicy policy, String by) {
        try {
            entityManager
                    .createNativeQuery("INSERT INTO tenant_policy (tenant_id, policy, updated_by, updated_at) "
                            + "VALUES (:t, CAST(:p AS jsonb), :b, now()) ON CONFLICT (tenant_id) DO UPDATE SET "
                            + "policy = EXCLUDED.policy, updated_by = EXCLUDED.updated_by, updated_at = now()")
                    .setParameter("t", tenantId)
                    .setParameter("p", json.writeValueAsString(policy))
                    .setParameter("b", by)
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("policy cannot be written as JSON", e);
        }
    }
}
