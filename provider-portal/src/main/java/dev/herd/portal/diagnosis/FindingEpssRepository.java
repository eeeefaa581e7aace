package dev.herd.portal.diagnosis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where the findings of a page in EPSS order are: (score, id) positions, highest score first, findings without a score
 * last, ties by id. No query reads a tenant's findings whole (docs/findings-api.md, "Sorting by EPSS"): the scores
 * below the cursor are walked through the advisories' score index (V33) into each advisory's findings of the tenant
 * ({@code finding_by_advisory_page}), and one score's findings (a tie, or those without a score) are read in id order.
 */
@ApplicationScoped
public class FindingEpssRepository {

    /** A finding's place in EPSS order; {@code epss} null for a finding without a score. */
    public record Position(BigDecimal epss, long id) {}

    private static final Comparator<Position> ORDER = Comparator.comparing(
                    Position::epss, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
            .thenComparingLong(Position::id);

    private final EntityManager entityManager;

    public FindingEpssRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Up to {@code limit} positions of findings matching the filter after {@code after} (from the start when null). */
    public List<Position> page(String tenantId, FindingFilter filter, FindingCursor after, int limit) {
        List<Position> page = new ArrayList<>(limit);
        boolean unscored = after != null && after.epss() == null;
        if (after != null) {
            // the rest of the cursor's score (or of the findings without one)
            page.addAll(oneScore(tenantId, filter, after.epss(), after.afterId(), limit));
        }
        if (!unscored && page.size() < limit) {
            page.addAll(lowerScores(tenantId, filter, after == null ? null : after.epss(), limit - page.size()));
        }
        // minEpss leaves out the findings without a score.
        if (!unscored && page.size() < limit && filter.minEpss() == null && anyUnscored(tenantId)) {
            page.addAll(oneScore(tenantId, filter, null, 0, limit - page.size()));
        }
        return page;
    }

    /**
     * Up to {@code limit} positions with a score below {@code below} (every score when null). The last score read may
     * be cut by the limit, and within a score the walk of advisories is not in id order: the scores above the last
     * are complete and are sorted here; the last one is read again in id order.
     */
    private List<Position> lowerScores(String tenantId, FindingFilter filter, BigDecimal below, int limit) {
        Query query = entityManager.createNativeQuery("SELECT a.epss, f.id FROM advisory a "
                + "JOIN finding f ON f.advisory_id = a.id" + filter.whereJoined()
                + (below == null ? " AND a.epss IS NOT NULL" : " AND a.epss < :below")
                + " ORDER BY a.epss DESC NULLS LAST LIMIT :limit");
        filter.bind(query, tenantId);
        if (below != null) {
            query.setParameter("below", below);
        }
        query.setParameter("limit", limit);
        List<Position> walked = positions(query);
        if (walked.size() < limit) {
            return walked.stream().sorted(ORDER).toList();
        }
        BigDecimal last = walked.getLast().epss();
        List<Position> complete = walked.stream()
                .filter(p -> p.epss().compareTo(last) > 0)
                .sorted(ORDER)
                .toList();
        List<Position> page = new ArrayList<>(complete);
        page.addAll(oneScore(tenantId, filter, last, 0, limit - complete.size()));
        return page;
    }

    /**
     * Up to {@code limit} positions of findings whose advisory's score is {@code epss} (without a score when null),
     * with an id above {@code afterId}, in id order. The score is written as a literal (a number the cursor or the
     * database gave, never user text) so that the planner sees how many advisories share it: a tie of thousands is
     * read by walking the tenant's ids, one of a few advisories through their findings.
     */
    private List<Position> oneScore(String tenantId, FindingFilter filter, BigDecimal epss, long afterId, int limit) {
        Query query = entityManager.createNativeQuery("SELECT a.epss, f.id FROM finding f "
                + "JOIN advisory a ON a.id = f.advisory_id" + filter.whereJoined()
                + (epss == null ? " AND a.epss IS NULL" : " AND a.epss = " + epss.toPlainString())
                + " AND f.id > :after ORDER BY f.tenant_id, f.id LIMIT :limit");
        filter.bind(query, tenantId);
        query.setParameter("after", afterId);
        query.setParameter("limit", limit);
        return positions(query);
    }

    /**
     * Whether any advisory without a score has a finding of the tenant: a probe per such advisory, so that a tenant
     * without unscored findings does not walk all its ids to find none.
     */
    private boolean anyUnscored(String tenantId) {
        Object found = entityManager
                .createNativeQuery("SELECT EXISTS (SELECT 1 FROM advisory a WHERE a.epss IS NULL AND EXISTS "
                        + "(SELECT 1 FROM finding f WHERE f.advisory_id = a.id AND f.tenant_id = :tenant))")
                .setParameter("tenant", tenantId)
                .getSingleResult();
        return Boolean.TRUE.equals(found);
    }

    private static List<Position> positions(Query query) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream()
                .map(r -> new Position((BigDecimal) r[0], ((Number) r[1]).longValue()))
                .toList();
    }
}
