package dev.herd.portal.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;

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
        @SuppressWarnings("unchecked")
        List<String> rows = entityManager
                .createNativeQuery("SELECT CAST(policy AS text) FROM tenant_policy WHERE tenant_id = :t")
                .setParameter("t", tenantId)
                .getResultList();
        if (rows.isEmpty()) {
            return TenantPolicy.defaults();
        }
        try {
            return json.readValue(rows.get(0), TenantPolicy.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policy of tenant " + tenantId + " is unreadable", e);
        }
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
