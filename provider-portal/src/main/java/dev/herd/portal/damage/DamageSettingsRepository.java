package dev.herd.portal.damage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;

/** Tenants' damage settings, one JSON document per tenant; a tenant without one has the defaults. */
@ApplicationScoped
public class DamageSettingsRepository {

    private final EntityManager entityManager;
    private final ObjectMapper json;

    public DamageSettingsRepository(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    public DamageSettings of(String tenantId) {
        @SuppressWarnings("unchecked")
        List<String> rows = entityManager
                .createNativeQuery("SELECT CAST(settings AS text) FROM damage_settings WHERE tenant_id = :t")
                .setParameter("t", tenantId)
                .getResultList();
        if (rows.isEmpty()) {
            return DamageSettings.defaults();
        }
        try {
            return json.readValue(rows.get(0), DamageSettings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored damage settings of tenant " + tenantId + " are unreadable", e);
        }
    }

    public void save(String tenantId, DamageSettings settings, String by) {
        try {
            entityManager
                    .createNativeQuery("INSERT INTO damage_settings (tenant_id, settings, updated_by, updated_at) "
                            + "VALUES (:t, CAST(:s AS jsonb), :b, now()) ON CONFLICT (tenant_id) DO UPDATE SET "
                            + "settings = EXCLUDED.settings, updated_by = EXCLUDED.updated_by, updated_at = now()")
                    .setParameter("t", tenantId)
                    .setParameter("s", json.writeValueAsString(settings))
                    .setParameter("b", by)
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("damage settings cannot be written as JSON", e);
        }
    }
}
