package dev.herd.portal.interconnection;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Interconnection policies and what was last enforced, always read for one tenant. */
@ApplicationScoped
public class InterconnectionRepository implements PanacheRepositoryBase<Interconnection, Interconnection.Key> {

    public List<Interconnection> ofTenant(String tenantId) {
        return list("tenantId = ?1 order by partnerId", tenantId);
    }

    public void replace(String tenantId, List<Interconnection> links) {
        delete("tenantId", tenantId);
        flush();
        links.forEach(this::persist);
        flush();
    }

    /** Tenants whose interconnection rules may change: those with a policy or with rules enforced now. */
    @SuppressWarnings("unchecked")
    public List<String> tenantsToEvaluate() {
        return getEntityManager()
                .createNativeQuery("SELECT tenant_id FROM interconnection UNION "
                        + "SELECT tenant_id FROM interconnection_enforced WHERE rules <> '' ORDER BY 1")
                .getResultList();
    }

    public Optional<String> enforced(String tenantId) {
        @SuppressWarnings("unchecked")
        List<String> rows = getEntityManager()
                .createNativeQuery("SELECT rules FROM interconnection_enforced WHERE tenant_id = :t")
                .setParameter("t", tenantId)
                .getResultList();
        return rows.stream().findFirst();
    }

    public void recordEnforced(String tenantId, String rules) {
        getEntityManager()
                .createNativeQuery("INSERT INTO interconnection_enforced (tenant_id, rules) VALUES (:t, :r) "
                        + "ON CONFLICT (tenant_id) DO UPDATE SET rules = EXCLUDED.rules")
                .setParameter("t", tenantId)
                .setParameter("r", rules)
                .executeUpdate();
    }

    public boolean tenantExists(String tenantId) {
        return ((Number) getEntityManager()
                                .createNativeQuery("SELECT count(*) FROM tenant WHERE id = :t")
                                .setParameter("t", tenantId)
                                .getSingleResult())
                        .longValue()
                > 0;
    }
}
