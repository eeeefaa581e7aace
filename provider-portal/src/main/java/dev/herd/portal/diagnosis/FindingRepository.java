package dev.herd.portal.diagnosis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Findings of one tenant, with the machine name and the advisory's aliases, filtered and paged. */
@ApplicationScoped
public class FindingRepository implements PanacheRepositoryBase<Finding, Long> {

    private static final String FOUND = "found";

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final ObjectMapper json;

    public FindingRepository(ObjectMapper json) {
        this.json = json;
    }

    /** Which findings to list. */
    public record Filter(
            UUID machineId, String machineName, String advisory, FindingState state, boolean includeClosed) {}

    public List<FindingView> list(String tenantId, Filter filter, int page, int size) {
        Query query = getEntityManager()
                .createNativeQuery("SELECT f.id, m.name, f.machine_id, f.advisory_id, CAST(a.aliases AS text), "
                        + "f.source_document, f.package_name, f.installed, f.fixed, f.action, f.state, f.opened_at, "
                        + "f.updated_at, f.closed_at FROM finding f JOIN machine m ON m.id = f.machine_id "
                        + "LEFT JOIN advisory a ON a.id = f.advisory_id"
                        + where(filter)
                        + " ORDER BY m.name, f.advisory_id, f.package_name LIMIT :limit OFFSET :offset");
        bind(query, tenantId, filter);
        query.setParameter("limit", size);
        query.setParameter("offset", (long) page * size);
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
                    instant(r[13])));
        }
        return views;
    }

    public long count(String tenantId, Filter filter) {
        Query query = getEntityManager()
                .createNativeQuery(
                        "SELECT count(*) FROM finding f JOIN machine m ON m.id = f.machine_id" + where(filter));
        bind(query, tenantId, filter);
        return ((Number) query.getSingleResult()).longValue();
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

    private static String where(Filter filter) {
        StringBuilder where = new StringBuilder(" WHERE f.tenant_id = :tenant");
        if (filter.machineId() != null) {
            where.append(" AND f.machine_id = :machineId");
        }
        if (filter.machineName() != null) {
            where.append(" AND m.name = :machineName");
        }
        if (filter.advisory() != null) {
            where.append(" AND f.advisory_id = :advisory");
        }
        if (filter.state() != null) {
            where.append(" AND f.state = :state");
        } else if (!filter.includeClosed()) {
            where.append(" AND f.closed_at IS NULL");
        }
        return where.toString();
    }

    private static void bind(Query query, String tenantId, Filter filter) {
        query.setParameter("tenant", tenantId);
        if (filter.machineId() != null) {
            query.setParameter("machineId", filter.machineId());
        }
        if (filter.machineName() != null) {
            query.setParameter("machineName", filter.machineName());
        }
        if (filter.advisory() != null) {
            query.setParameter("advisory", filter.advisory());
        }
        if (filter.state() != null) {
            query.setParameter("state", filter.state().name());
        }
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

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant i -> i;
            case Timestamp t -> t.toInstant();
            case OffsetDateTime o -> o.toInstant();
            default -> throw new IllegalStateException("not a timestamp: " + value.getClass());
        };
    }
}
