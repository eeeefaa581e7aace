package dev.herd.portal.diagnosis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

/**
 * The total of a findings list. Exact on request; by default counted exactly up to a limit (a bounded scan), and
 * above it taken from PostgreSQL's row estimate ({@code EXPLAIN (FORMAT JSON)}), which costs no scan at all.
 */
@ApplicationScoped
public class FindingCounter {

    private static final String QUERY_PLAN = "QUERY PLAN";

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final FindingListConfig config;

    public FindingCounter(EntityManager entityManager, ObjectMapper json, FindingListConfig config) {
        this.entityManager = entityManager;
        this.json = json;
        this.config = config;
    }

    public FindingTotal total(String tenantId, FindingFilter filter, FindingTotal.Kind wanted) {
        if (wanted == FindingTotal.Kind.EXACT) {
            return FindingTotal.exact(count(tenantId, filter, "SELECT count(*) FROM finding f" + filter.where()));
        }
        int limit = config.exactCountUpTo();
        long counted = count(
                tenantId,
                filter,
                "SELECT count(*) FROM (SELECT 1 FROM finding f" + filter.where() + " LIMIT " + (limit + 1) + ") c");
        if (counted <= limit) {
            return FindingTotal.exact(counted);
        }
        return new FindingTotal(Math.max(limit + 1L, estimate(tenantId, filter)), FindingTotal.Kind.ESTIMATED);
    }

    private long count(String tenantId, FindingFilter filter, String sql) {
        Query query = entityManager.createNativeQuery(sql);
        filter.bind(query, tenantId);
        return ((Number) query.getSingleResult()).longValue();
    }

    /** The planner's row estimate for the filter: the top plan node's "Plan Rows". */
    private long estimate(String tenantId, FindingFilter filter) {
        Query query = entityManager.createNativeQuery("EXPLAIN (FORMAT JSON) SELECT 1 FROM finding f" + filter.where());
        query.unwrap(NativeQuery.class).addScalar(QUERY_PLAN, StandardBasicTypes.STRING);
        filter.bind(query, tenantId);
        String plan = (String) query.getSingleResult();
        try {
            JsonNode rows = json.readTree(plan).path(0).path("Plan").path("Plan Rows");
            if (!rows.isNumber()) {
                throw new IllegalStateException("no Plan Rows in the query plan: " + plan);
            }
            return rows.asLong();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the query plan is not JSON: " + plan, e);
        }
    }
}
