package dev.herd.portal.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** A tenant's own expected permissions of configuration files, by path; always by tenant. */
@ApplicationScoped
public class ExpectedConfigFileRepository {

    private final EntityManager entityManager;

    public ExpectedConfigFileRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @SuppressWarnings("unchecked")
    public List<ExpectedPermissions.Expected> of(String tenant) {
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        "SELECT path, mode, owner, grp FROM tenant_expected_config_file WHERE tenant_id = :t "
                                + "ORDER BY path")
                .setParameter("t", tenant)
                .getResultList();
        return rows.stream()
                .map(r -> new ExpectedPermissions.Expected((String) r[0], (String) r[1], (String) r[2], (String) r[3]))
                .toList();
    }

    /** Replaces the tenant's entries by these. */
    public void replace(String tenant, List<ExpectedPermissions.Expected> entries, String by, Instant at) {
        entityManager
                .createNativeQuery("DELETE FROM tenant_expected_config_file WHERE tenant_id = :t")
                .setParameter("t", tenant)
                .executeUpdate();
        for (ExpectedPermissions.Expected e : entries) {
            entityManager
                    .createNativeQuery("INSERT INTO tenant_expected_config_file (tenant_id, path, mode, owner, grp, "
                            + "updated_by, updated_at) VALUES (:t, :p, :m, :o, :g, :by, :at) ON CONFLICT (tenant_id, path) "
                            + "DO UPDATE SET mode = EXCLUDED.mode, owner = EXCLUDED.owner, grp = EXCLUDED.grp")
                    .setParameter("t", tenant)
                    .setParameter("p", e.path())
                    .setParameter("m", e.mode())
                    .setParameter("o", e.owner())
                    .setParameter("g", e.group())
                    .setParameter("by", by)
                    .setParameter("at", Timestamp.from(at))
                    .executeUpdate();
        }
    }
}
