package dev.herd.gateway.delivery.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.delivery.RuleBundle;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Persistence of each tenant's rule bundle state (ADR 11): the newest full bundle (table rule_bundle, one row per
 * tenant, whose {@code revision} is the newest revision held) and the deltas since (rule_bundle_delta). A row with
 * revision 0 holds nothing yet: it only records that a full bundle was asked for.
 */
@ApplicationScoped
public class RuleBundleRepository implements PanacheRepositoryBase<StoredRuleBundle, String> {

    /** Where a tenant's state stands: newest revision, revision of the full body, and its size in bytes as stored. */
    public record Head(long revision, long fullRevision, boolean composable, Instant fullRequestedAt, long fullBytes) {}

    private final ObjectMapper json;

    public RuleBundleRepository(ObjectMapper json) {
        this.json = json;
    }

    /** The tenant's newest revision, 0 when it holds none. */
    public long revisionOf(String tenantId) {
        return head(tenantId, false).map(Head::revision).orElse(0L);
    }

    public Optional<Head> head(String tenantId) {
        return head(tenantId, false);
    }

    /** The head, its row locked until the transaction ends; the row is made (revision 0) when there is none. */
    @Transactional(Transactional.TxType.MANDATORY)
    Head lockHead(String tenantId, Instant now) {
        getEntityManager()
                .createNativeQuery("INSERT INTO rule_bundle (tenant_id, revision, full_revision, received_at, body) "
                        + "VALUES (?1, 0, 0, ?2, CAST('{}' AS jsonb)) ON CONFLICT (tenant_id) DO NOTHING")
                .setParameter(1, tenantId)
                .setParameter(2, now)
                .executeUpdate();
        return head(tenantId, true).orElseThrow();
    }

    private Optional<Head> head(String tenantId, boolean lock) {
        List<?> rows = getEntityManager()
                .createNativeQuery("SELECT revision, full_revision, composable, "
                        + "CAST(EXTRACT(EPOCH FROM full_requested_at) * 1000 AS bigint), pg_column_size(body) "
                        + "FROM rule_bundle WHERE tenant_id = ?1" + (lock ? " FOR UPDATE" : ""))
                .setParameter(1, tenantId)
                .getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] r = (Object[]) row;
            return new Head(
                    ((Number) r[0]).longValue(),
                    ((Number) r[1]).longValue(),
                    (Boolean) r[2],
                    r[3] == null ? null : Instant.ofEpochMilli(((Number) r[3]).longValue()),
                    ((Number) r[4]).longValue());
        });
    }

    /** Replaces the tenant's full bundle; the newest revision becomes the bundle's. */
    @Transactional(Transactional.TxType.MANDATORY)
    void putFull(RuleBundle full, String body, boolean composable, Instant receivedAt) {
        getEntityManager()
                .createNativeQuery("UPDATE rule_bundle SET revision = ?2, full_revision = ?2, generated_at = ?3, "
                        + "received_at = ?4, body = CAST(?5 AS jsonb), composable = ?6, full_requested_at = NULL "
                        + "WHERE tenant_id = ?1")
                .setParameter(1, full.tenantId())
                .setParameter(2, full.revision())
                .setParameter(3, full.generatedAt())
                .setParameter(4, receivedAt)
                .setParameter(5, body)
                .setParameter(6, composable)
                .executeUpdate();
    }

    /** Adds a delta on top of the newest revision, which becomes the delta's. */
    @Transactional(Transactional.TxType.MANDATORY)
    void addDelta(RuleBundle delta, String body, Instant receivedAt) {
        getEntityManager()
                .createNativeQuery("INSERT INTO rule_bundle_delta (tenant_id, revision, base_revision, received_at, "
                        + "body) VALUES (?1, ?2, ?3, ?4, CAST(?5 AS jsonb))")
                .setParameter(1, delta.tenantId())
                .setParameter(2, delta.revision())
                .setParameter(3, delta.baseRevision())
                .setParameter(4, receivedAt)
                .setParameter(5, body)
                .executeUpdate();
        getEntityManager()
                .createNativeQuery("UPDATE rule_bundle SET revision = ?2, generated_at = ?3, received_at = ?4 "
                        + "WHERE tenant_id = ?1")
                .setParameter(1, delta.tenantId())
                .setParameter(2, delta.revision())
                .setParameter(3, delta.generatedAt())
                .setParameter(4, receivedAt)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void fullRequested(String tenantId, Instant at) {
        getEntityManager()
                .createNativeQuery("UPDATE rule_bundle SET full_requested_at = ?2 WHERE tenant_id = ?1")
                .setParameter(1, tenantId)
                .setParameter(2, at)
                .executeUpdate();
    }

    /** Drops the tenant's deltas up to and including {@code revision}. */
    @Transactional(Transactional.TxType.MANDATORY)
    void dropDeltasUpTo(String tenantId, long revision) {
        getEntityManager()
                .createNativeQuery("DELETE FROM rule_bundle_delta WHERE tenant_id = ?1 AND revision <= ?2")
                .setParameter(1, tenantId)
                .setParameter(2, revision)
                .executeUpdate();
    }

    /** The tenant's full bundle as stored (at the head's {@code fullRevision}). */
    RuleBundle full(String tenantId) {
        Object body = getEntityManager()
                .createNativeQuery("SELECT CAST(body AS text) FROM rule_bundle WHERE tenant_id = ?1")
                .setParameter(1, tenantId)
                .getSingleResult();
        return read((String) body);
    }

    /** How many deltas after {@code after} up to {@code upTo} are held, and their size in bytes as stored. */
    long[] deltaCountAndBytes(String tenantId, long after, long upTo) {
        Object[] row = (Object[]) getEntityManager()
                .createNativeQuery("SELECT count(*), COALESCE(sum(pg_column_size(body)), 0) FROM rule_bundle_delta "
                        + "WHERE tenant_id = ?1 AND revision > ?2 AND revision <= ?3")
                .setParameter(1, tenantId)
                .setParameter(2, after)
                .setParameter(3, upTo)
                .getSingleResult();
        return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }

    /** The deltas after {@code after} up to {@code upTo}, oldest first. */
    List<RuleBundle> deltas(String tenantId, long after, long upTo) {
        List<?> bodies = getEntityManager()
                .createNativeQuery("SELECT CAST(body AS text) FROM rule_bundle_delta WHERE tenant_id = ?1 "
                        + "AND revision > ?2 AND revision <= ?3 ORDER BY revision")
                .setParameter(1, tenantId)
                .setParameter(2, after)
                .setParameter(3, upTo)
                .getResultList();
        return bodies.stream().map(body -> read((String) body)).toList();
    }

    private RuleBundle read(String body) {
        try {
            return json.readValue(body, RuleBundle.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored rule bundle is unreadable", e);
        }
    }
}
