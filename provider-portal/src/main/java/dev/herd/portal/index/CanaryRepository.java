package dev.herd.portal.index;

import dev.herd.portal.damage.CanaryTraffic;
import dev.herd.portal.sql.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Canary checks per tenant. */
@ApplicationScoped
public class CanaryRepository {

    private final EntityManager entityManager;

    public CanaryRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Canary register(String tenantId, String scanner, String by) {
        UUID id = UUID.randomUUID();
        Canary canary = new Canary(id, CanaryTraffic.PREFIX + id, scanner, Instant.now(), null);
        entityManager
                .createNativeQuery(
                        "INSERT INTO canary (id, tenant_id, signature, scanner, registered_by, registered_at) "
                                + "VALUES (:id, :t, :s, :sc, :b, :at)")
                .setParameter("id", id)
                .setParameter("t", tenantId)
                .setParameter("s", canary.signature())
                .setParameter("sc", scanner)
                .setParameter("b", by)
                .setParameter("at", canary.registeredAt())
                .executeUpdate();
        return canary;
    }

    /** Marks the tenant's canary with this signature as seen (the first sighting counts); false when unknown. */
    public boolean seen(String tenantId, String signature, Instant at) {
        return entityManager
                        .createNativeQuery("UPDATE canary SET seen_at = COALESCE(seen_at, :at) "
                                + "WHERE tenant_id = :t AND signature = :s")
                        .setParameter("at", at)
                        .setParameter("t", tenantId)
                        .setParameter("s", signature.strip())
                        .executeUpdate()
                == 1;
    }

    /** The tenant's newest canary check. */
    public Optional<Canary> last(String tenantId) {
        return list(tenantId, 1).stream().findFirst();
    }

    /** The tenant's canary checks, newest first. */
    public List<Canary> list(String tenantId) {
        return list(tenantId, Integer.MAX_VALUE);
    }

    private List<Canary> list(String tenantId, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT id, signature, scanner, registered_at, seen_at FROM canary "
                        + "WHERE tenant_id = :t ORDER BY registered_at DESC, id")
                .setParameter("t", tenantId)
                .setMaxResults(limit)
                .getResultList();
        return rows.stream()
                .map(r -> new Canary(
                        (UUID) r[0], (String) r[1], (String) r[2], Timestamps.instant(r[3]), Timestamps.instant(r[4])))
                .toList();
    }
}
