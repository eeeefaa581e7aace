package dev.herd.portal.index;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sums behind the indices, aggregated in PostgreSQL per tenant: one row per tenant comes back, never one per
 * finding or attack. The severity points and age weights are those of {@link IndexCalculator}, written in SQL.
 */
@ApplicationScoped
public class IndexRepository {

    /** {@link IndexCalculator#ageWeight} of the column; hours rather than days so a DST change cannot move a bound. */
    private static final String AGE_WEIGHT =
            "CASE WHEN %1$s > CAST(:now AS timestamptz) - interval '72 hours' THEN 0.1 "
                    + "WHEN %1$s > CAST(:now AS timestamptz) - interval '168 hours' THEN 0.5 "
                    + "WHEN %1$s > CAST(:now AS timestamptz) - interval '720 hours' THEN 0.8 ELSE 1.0 END";

    /** {@link IndexCalculator#points} of a severity. */
    private static final String POINTS = "CASE upper(btrim(a.severity)) WHEN 'CRITICAL' THEN 10 WHEN 'HIGH' THEN 10 "
            + "WHEN 'IMPORTANT' THEN 10 WHEN 'MEDIUM' THEN 5 WHEN 'MODERATE' THEN 5 WHEN 'LOW' THEN 1 END";

    private final EntityManager entityManager;

    public IndexRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A tenant's weighted sum, how many items went into it and how many of those had no known points. */
    public record Sum(double sum, int items, int unknown) {

        static final Sum NONE = new Sum(0, 0, 0);
    }

    /** The tenants that have indices: every tenant and every tenant id a machine names. */
    @SuppressWarnings("unchecked")
    public List<String> tenants() {
        return entityManager
                .createNativeQuery("SELECT id FROM tenant UNION SELECT tenant_id FROM machine")
                .getResultList();
    }

    /** The vulnerability sums of the tenants with open findings: severity points times age weight. */
    public Map<String, Sum> vulnerability(Instant now) {
        return sums(
                "SELECT f.tenant_id, CAST(COALESCE(sum(p.points * " + AGE_WEIGHT.formatted("f.opened_at")
                        + "), 0) AS double precision), count(*), count(*) FILTER (WHERE p.points IS NULL) "
                        + "FROM finding f LEFT JOIN advisory a ON a.id = f.advisory_id "
                        + "CROSS JOIN LATERAL (SELECT " + POINTS + " AS points) p "
                        + "WHERE f.closed_at IS NULL GROUP BY f.tenant_id",
                now);
    }

    /** The risk sums of the tenants with attacks: a signature hit 10 points, a divergence 5, times age weight. */
    public Map<String, Sum> risk(Instant now) {
        return sums(
                "SELECT tenant_id, CAST(sum(CASE WHEN kind = 'DIVERGENCE' THEN 5 ELSE 10 END * "
                        + AGE_WEIGHT.formatted("at") + ") AS double precision), count(*), 0 "
                        + "FROM damage_event GROUP BY tenant_id",
                now);
    }

    private Map<String, Sum> sums(String sql, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(sql)
                .setParameter("now", Timestamp.from(now))
                .getResultList();
        Map<String, Sum> sums = new TreeMap<>();
        for (Object[] r : rows) {
            sums.put(
                    (String) r[0],
                    new Sum(((Number) r[1]).doubleValue(), ((Number) r[2]).intValue(), ((Number) r[3]).intValue()));
        }
        return sums;
    }
}
