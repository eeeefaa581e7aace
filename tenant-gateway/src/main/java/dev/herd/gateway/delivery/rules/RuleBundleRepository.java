package dev.herd.gateway.delivery.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.delivery.RuleBundle;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * Persistence of each tenant's rule bundle state (ADR 11): the newest full bundle (table rule_bundle, one row per
 * tenant, whose {@code revision} is the newest revision held) and the deltas since (rule_bundle_delta). A row with
 * revision 0 holds nothing yet: it only records that a full bundle was asked for.
 */
@ApplicationScoped
public class RuleBundleRepository implements PanacheRepositoryBase<StoredRuleBundle, String> {

    /** Where a tenant's state stands: newest revision, revision of the full body, and its size in bytes as stored. */
    public record Head(long revision, long fullRevision, boolean composable, Instant fullRequestedAt, long fullBytes) {}

    /** The columns a {@link Head} is read from. */
    private static final String HEAD_COLUMNS = "revision, full_revision, composable, "
            + "CAST(EXTRACT(EPOCH FROM full_requested_at) * 1000 AS bigint), pg_column_size(body)";

    private final ObjectMapper json;

    public RuleBundleRepository(ObjectMapper json) {
        this.json = json;
    }

    /** The tenant's newest revision, 0 when it holds none. */
    public long revisionOf(String tenantId) {
        return head(tenantId).map(Head::revision).orElse(0L);
    }

    /**
     * The heads of these tenants, their rows locked until the transaction ends, in tenant order (so that two batches
     * cannot deadlock); a row is made (revision 0) for a tenant that has none.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Map<String, Head> lockHeads(SortedSet<String> tenantIds, Instant now) {
        String tenants = packed(tenantIds);
        getEntityManager()
                .createNativeQuery("INSERT INTO rule_bundle (tenant_id, revision, full_revision, received_at, body) "
                        + "SELECT t, 0, 0, ?2, CAST('{}' AS jsonb) FROM unnest(string_to_array(?1, chr(31))) AS t "
                        + "ORDER BY t ON CONFLICT (tenant_id) DO NOTHING")
                .setParameter(1, tenants)
                .setParameter(2, now)
                .executeUpdate();
        List<?> rows = getEntityManager()
                .createNativeQuery("SELECT tenant_id, " + HEAD_COLUMNS + " FROM rule_bundle "
                        + "WHERE tenant_id = ANY (string_to_array(?1, chr(31))) ORDER BY tenant_id FOR UPDATE")
                .setParameter(1, tenants)
                .getResultList();
        Map<String, Head> heads = new TreeMap<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            heads.put((String) columns[0], head(columns, 1));
        }
        return heads;
    }

    public Optional<Head> head(String tenantId) {
        List<?> rows = getEntityManager()
                .createNativeQuery("SELECT " + HEAD_COLUMNS + " FROM rule_bundle WHERE tenant_id = ?1")
                .setParameter(1, tenantId)
                .getResultList();
        return rows.stream().findFirst().map(row -> head((Object[]) row, 0));
    }

    private static Head head(Object[] r, int from) {
        return new Head(
                ((Number) r[from]).longValue(),
                ((Number) r[from + 1]).longValue(),
                (Boolean) r[from + 2],
                r[from + 3] == null ? null : Instant.ofEpochMilli(((Number) r[from + 3]).longValue()),
                ((Number) r[from + 4]).longValue());
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

    /**
     * Adds the deltas, each on top of its tenant's newest revision, which becomes the tenant's last delta's: one
     * insert and one update for the whole batch.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void addDeltas(List<RuleBundleIntake.Incoming> deltas, Instant receivedAt) {
        getEntityManager()
                .createNativeQuery("INSERT INTO rule_bundle_delta (tenant_id, revision, base_revision, received_at, "
                        + "body) SELECT d.t, d.r, d.b, ?4, CAST(d.j AS jsonb) FROM unnest(string_to_array(?1, chr(31)), "
                        + "CAST(string_to_array(?2, chr(31)) AS bigint[]), CAST(string_to_array(?3, chr(31)) AS "
                        + "bigint[]), string_to_array(?5, chr(31))) AS d(t, r, b, j)")
                .setParameter(
                        1,
                        packed(deltas.stream().map(d -> d.bundle().tenantId()).toList()))
                .setParameter(
                        2,
                        packed(deltas.stream()
                                .map(d -> String.valueOf(d.bundle().revision()))
                                .toList()))
                .setParameter(
                        3,
                        packed(deltas.stream()
                                .map(d -> String.valueOf(d.bundle().baseRevision()))
                                .toList()))
                .setParameter(4, receivedAt)
                .setParameter(
                        5,
                        packed(deltas.stream()
                                .map(RuleBundleIntake.Incoming::body)
                                .toList()))
                .executeUpdate();
        Map<String, RuleBundle> last = new TreeMap<>();
        deltas.forEach(d -> last.put(d.bundle().tenantId(), d.bundle()));
        getEntityManager()
                .createNativeQuery("UPDATE rule_bundle b SET revision = v.r, generated_at = v.g, received_at = ?4 "
                        + "FROM unnest(string_to_array(?1, chr(31)), CAST(string_to_array(?2, chr(31)) AS bigint[]), "
                        + "CAST(string_to_array(?3, chr(31), '') AS timestamptz[])) AS v(t, r, g) "
                        + "WHERE b.tenant_id = v.t")
                .setParameter(1, packed(last.keySet()))
                .setParameter(
                        2,
                        packed(last.values().stream()
                                .map(b -> String.valueOf(b.revision()))
                                .toList()))
                .setParameter(
                        3,
                        packed(last.values().stream()
                                .map(b -> b.generatedAt() == null
                                        ? ""
                                        : b.generatedAt().toString())
                                .toList()))
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

    /** Drops each tenant's deltas up to and including its revision given. */
    @Transactional(Transactional.TxType.MANDATORY)
    void dropDeltasUpTo(Map<String, Long> upTo) {
        getEntityManager()
                .createNativeQuery("DELETE FROM rule_bundle_delta d USING unnest(string_to_array(?1, chr(31)), "
                        + "CAST(string_to_array(?2, chr(31)) AS bigint[])) AS v(t, u) "
                        + "WHERE d.tenant_id = v.t AND d.revision <= v.u")
                .setParameter(1, packed(upTo.keySet()))
                .setParameter(
                        2, packed(upTo.values().stream().map(String::valueOf).toList()))
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

    /**
     * Several values in one text parameter, separated by the ASCII unit separator: never part of a tenant id (the
     * consumer refuses control characters in one) nor of JSON text (Jackson escapes control characters).
     */
    private static String packed(Collection<String> values) {
        return String.join("\u001f", values);
    }

    private RuleBundle read(String body) {
        try {
            return json.readValue(body, RuleBundle.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored rule bundle is unreadable", e);
        }
    }
}
