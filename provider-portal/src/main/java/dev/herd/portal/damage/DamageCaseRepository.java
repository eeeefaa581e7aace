package dev.herd.portal.damage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.isolation.IsolationOrder.Mode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Damage cases and their events, always read and written for one tenant. */
@ApplicationScoped
public class DamageCaseRepository {

    private static final String COLUMNS = "id, tenant_id, state, opened_at, updated_at, signature, spreading, "
            + "CAST(damage_range AS text), isolation_point, isolation_note, mode";

    private final EntityManager entityManager;
    private final ObjectMapper json;

    public DamageCaseRepository(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** The tenant's open case, opened at {@code at} when it has none. */
    public UUID openCase(String tenantId, Instant at) {
        @SuppressWarnings("unchecked")
        List<UUID> open = entityManager
                .createNativeQuery("SELECT id FROM damage_case WHERE tenant_id = :t AND state = 'OPEN'")
                .setParameter("t", tenantId)
                .getResultList();
        if (!open.isEmpty()) {
            return open.get(0);
        }
        UUID id = UUID.randomUUID();
        entityManager
                .createNativeQuery("INSERT INTO damage_case (id, tenant_id, state, opened_at, updated_at) "
                        + "VALUES (:id, :t, 'OPEN', :at, now())")
                .setParameter("id", id)
                .setParameter("t", tenantId)
                .setParameter("at", at)
                .executeUpdate();
        return id;
    }

    public void addEvent(String tenantId, UUID caseId, DamageEvent event) {
        entityManager
                .createNativeQuery("INSERT INTO damage_event (tenant_id, case_id, machine_id, kind, indicator, score, "
                        + "at) VALUES (:t, :c, :m, :k, :i, :s, :at)")
                .setParameter("t", tenantId)
                .setParameter("c", caseId)
                .setParameter("m", event.machineId())
                .setParameter("k", event.kind().name())
                .setParameter("i", event.indicator())
                .setParameter("s", event.score())
                .setParameter("at", event.at())
                .executeUpdate();
    }

    /** The case's events, oldest first. */
    public List<DamageEvent> events(String tenantId, UUID caseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT machine_id, kind, indicator, score, at FROM damage_event "
                        + "WHERE tenant_id = :t AND case_id = :c ORDER BY at, id")
                .setParameter("t", tenantId)
                .setParameter("c", caseId)
                .getResultList();
        return rows.stream()
                .map(r -> new DamageEvent(
                        (UUID) r[0],
                        DamageKind.valueOf((String) r[1]),
                        (String) r[2],
                        r[3] == null ? null : ((Number) r[3]).doubleValue(),
                        Timestamps.instant(r[4])))
                .toList();
    }

    public Optional<DamageCase> find(String tenantId, UUID caseId) {
        return query("WHERE tenant_id = :t AND id = :c", tenantId, caseId).stream()
                .findFirst();
    }

    /** The tenant's cases, newest first. */
    public List<DamageCase> ofTenant(String tenantId) {
        return query("WHERE tenant_id = :t", tenantId, null);
    }

    public void update(DamageCase assessed) {
        try {
            entityManager
                    .createNativeQuery("UPDATE damage_case SET updated_at = now(), signature = :s, spreading = :sp, "
                            + "damage_range = CAST(:r AS jsonb), isolation_point = :p, isolation_note = :n, mode = :m "
                            + "WHERE tenant_id = :t AND id = :c")
                    .setParameter("s", assessed.signature())
                    .setParameter("sp", assessed.spreading())
                    .setParameter("r", json.writeValueAsString(assessed.range()))
                    .setParameter("p", assessed.isolationPoint())
                    .setParameter("n", assessed.isolationNote())
                    .setParameter(
                            "m",
                            assessed.mode() == null ? null : assessed.mode().name())
                    .setParameter("t", assessed.tenantId())
                    .setParameter("c", assessed.id())
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("damage range cannot be written as JSON", e);
        }
    }

    private List<DamageCase> query(String where, String tenantId, UUID caseId) {
        var query = entityManager
                .createNativeQuery("SELECT " + COLUMNS + " FROM damage_case " + where + " ORDER BY opened_at DESC, id")
                .setParameter("t", tenantId);
        if (caseId != null) {
            query.setParameter("c", caseId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(this::toCase).toList();
    }

    private DamageCase toCase(Object[] r) {
        try {
            return new DamageCase(
                    (UUID) r[0],
                    (String) r[1],
                    (String) r[2],
                    Timestamps.instant(r[3]),
                    Timestamps.instant(r[4]),
                    (String) r[5],
                    (Boolean) r[6],
                    json.readValue((String) r[7], new TypeReference<List<String>>() {}),
                    (String) r[8],
                    (String) r[9],
                    r[10] == null ? null : Mode.valueOf((String) r[10]));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored damage range of case " + r[0] + " is unreadable", e);
        }
    }
}
