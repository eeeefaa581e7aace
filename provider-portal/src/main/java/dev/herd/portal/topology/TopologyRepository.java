package dev.herd.portal.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;

/** Tenant topologies, one JSON document per tenant; a tenant without one has an empty topology. */
@ApplicationScoped
public class TopologyRepository {

    private final EntityManager entityManager;
    private final ObjectMapper json;

    public TopologyRepository(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    public Topology of(String tenantId) {
        @SuppressWarnings("unchecked")
        List<String> rows = entityManager
                .createNativeQuery("SELECT CAST(topology AS text) FROM tenant_topology WHERE tenant_id = :t")
                .setParameter("t", tenantId)
                .getResultList();
        if (rows.isEmpty()) {
            return Topology.empty();
        }
        try {
            return json.readValue(rows.get(0), Topology.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored topology of tenant " + tenantId + " is unreadable", e);
        }
    }

    public void save(String tenantId, Topology topology, String by) {
        try {
            entityManager
                    .createNativeQuery("INSERT INTO tenant_topology (tenant_id, topology, updated_by, updated_at) "
                            + "VALUES (:t, CAST(:p AS jsonb), :b, now()) ON CONFLICT (tenant_id) DO UPDATE SET "
                            + "topology = EXCLUDED.topology, updated_by = EXCLUDED.updated_by, updated_at = now()")
                    .setParameter("t", tenantId)
                    .setParameter("p", json.writeValueAsString(topology))
                    .setParameter("b", by)
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("topology cannot be written as JSON", e);
        }
    }
}
