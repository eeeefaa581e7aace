package dev.herd.portal.diagnosis;

import static dev.herd.portal.sql.Timestamps.instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Findings of one tenant, with the machine name (of an SBOM's machine for SBOM findings) and the advisory's aliases,
 * filtered and paged by id.
 */
@ApplicationScoped
public class FindingRepository implements PanacheRepositoryBase<Finding, Long> {

    private static final String FOUND = "found";

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    /** The rows of a page cut as CTE {@code page}, with the machine name and the advisory joined, in id order. */
    private static final String VIEWS =
            "SELECT f.id, m.name, m.id AS machine_id, f.advisory_id, CAST(a.aliases AS text), "
                    + "f.source_document, f.package_name, f.installed, f.fixed, f.action, f.state, f.opened_at, "
                    + "f.updated_at, f.closed_at, a.epss, a.epss_percentile, f.sbom_id, s.application "
                    + "FROM page f LEFT JOIN sbom s ON s.id = f.sbom_id "
                    + "LEFT JOIN machine m ON m.id = COALESCE(f.machine_id, s.machine_id) "
                    + "LEFT JOIN advisory a ON a.id = f.advisory_id ORDER BY f.id";

    private final ObjectMapper json;

    public FindingRepository(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Up to {@code limit} findings matching the filter, in id order, after the finding {@code after} (from the start
     * when null). The page is cut from {@code finding} alone (an index range scan on (tenant_id, id), or on the
     * filtered column's index) before the machine name and the aliases are joined to its rows.
     */
    public List<FindingView> page(String tenantId, FindingFilter filter, FindingCursor after, int limit) {
        Query query = getEntityManager()
                .createNativeQuery("WITH page AS MATERIALIZED (SELECT f.* FROM finding f" + filter.where()
                        + (after == null ? "" : " AND f.id > :after")
                        // By (tenant_id, id), which for one tenant is id order: a generic plan may otherwise walk the
                        // primary key in id order and filter by tenant, which for a new tenant (whose ids all come
                        // after millions of others') read the whole table at 10,000 machines (0.7 s a page).
                        + " ORDER BY f.tenant_id, f.id LIMIT :limit) "
                        + VIEWS);
        filter.bind(query, tenantId);
        if (after != null) {
            query.setParameter("after", after.afterId());
        }
        query.setParameter("limit", limit);
        return views(query);
    }

    /** These findings of the tenant (ids of another tenant's findings are left out), in id order. */
    public List<FindingView> byIds(String tenantId, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Query query = getEntityManager()
                .createNativeQuery("WITH page AS MATERIALIZED (SELECT f.* FROM finding f"
                        + " WHERE f.tenant_id = :tenant AND f.id IN (:ids)) " + VIEWS)
                .setParameter("tenant", tenantId)
                .setParameter("ids", ids);
        return views(query);
    }

    private List<FindingView> views(Query query) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<FindingView> views = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            views.add(new FindingView(
                    ((Number) r[0]).longValue(),
                    (String) r[1],
                    (UUID) r[2],
                    (String) r[3],
                    aliases((String) r[4]),
                    (String) r[5],
                    (String) r[6],
                    (String) r[7],
                    (String) r[8],
                    FindingAction.valueOf((String) r[9]),
                    FindingState.valueOf((String) r[10]),
                    instant(r[11]),
                    instant(r[12]),
                    instant(r[13]),
                    r[14] == null ? null : ((Number) r[14]).doubleValue(),
                    r[15] == null ? null : ((Number) r[15]).doubleValue(),
                    r[16] == null ? FindingSource.INVENTORY : FindingSource.SBOM,
                    (UUID) r[16],
                    (String) r[17]));
        }
        return views;
    }

    /** A finding of this tenant; empty for another tenant's finding. */
    public Optional<Finding> ofTenant(String tenantId, long id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    /**
     * The history of a finding, oldest first. The first entry (OPEN, found, when it was opened) is not stored: the
     * finding's {@code opened_at} records it, which halves the rows a first diagnosis writes.
     */
    public List<FindingHistoryEntry> history(Finding finding) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery(
                        "SELECT state, reason, at FROM finding_history WHERE finding_id = :f ORDER BY at, id")
                .setParameter("f", finding.id)
                .getResultList();
        List<FindingHistoryEntry> history = new ArrayList<>(rows.size() + 1);
        history.add(new FindingHistoryEntry(FindingState.OPEN, FOUND, finding.openedAt));
        rows.stream()
                .map(r -> new FindingHistoryEntry(FindingState.valueOf((String) r[0]), (String) r[1], instant(r[2])))
                .forEach(history::add);
        return history;
    }

    private List<String> aliases(String text) {
        if (text == null) {
            return List.of();
        }
        try {
            return json.readValue(text, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored aliases are not a JSON array: " + text, e);
        }
    }
}
