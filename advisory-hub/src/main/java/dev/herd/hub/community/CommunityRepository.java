package dev.herd.hub.community;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Persistence of community advisories and of the damage reports behind them. */
@ApplicationScoped
public class CommunityRepository implements PanacheRepositoryBase<CommunityAdvisory, String> {

    /** Whether a report with this id was received before. */
    boolean knownReport(UUID reportId) {
        return getEntityManager().find(CommunityReport.class, reportId) != null;
    }

    void persistReport(CommunityReport report) {
        getEntityManager().persist(report);
    }

    /** Every community advisory with its advisory's title and state and the counts of its reports, newest first. */
    List<CommunityAdvisoryView> views() {
        return views(null);
    }

    /** The view of one community advisory, if there is one by that id. */
    public java.util.Optional<CommunityAdvisoryView> view(String advisoryId) {
        return views(advisoryId).stream().findFirst();
    }

    /** The ids of every community advisory, oldest first. */
    public List<String> ids() {
        return getEntityManager()
                .createQuery(
                        "SELECT c.advisoryId FROM CommunityAdvisory c ORDER BY c.createdAt, c.advisoryId", String.class)
                .getResultList();
    }

    private List<CommunityAdvisoryView> views(String only) {
        EntityManager em = getEntityManager();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT c.advisory_id, a.title, a.withdrawn_at IS NOT NULL, "
                        + "a.known_exploited, a.emergency_level, c.revoked_at, c.revoked_by, c.revoke_reason, "
                        + "(SELECT count(DISTINCT r.origin) FROM community_report r "
                        + "   WHERE r.advisory_id = c.advisory_id AND r.applied), "
                        + "(SELECT count(*) FROM community_report r WHERE r.advisory_id = c.advisory_id), "
                        + "(SELECT min(r.received_at) FROM community_report r WHERE r.advisory_id = c.advisory_id), "
                        + "(SELECT max(r.received_at) FROM community_report r WHERE r.advisory_id = c.advisory_id) "
                        + "FROM community_advisory c JOIN advisory a ON a.id = c.advisory_id "
                        + "WHERE CAST(:only AS VARCHAR) IS NULL OR c.advisory_id = :only "
                        + "ORDER BY c.created_at DESC, c.advisory_id")
                .setParameter("only", only)
                .getResultList();
        return rows.stream()
                .map(r -> new CommunityAdvisoryView(
                        (String) r[0],
                        (String) r[1],
                        r[5] != null ? "REVOKED" : Boolean.TRUE.equals(r[2]) ? "WITHDRAWN" : "ACTIVE",
                        (Boolean) r[3],
                        ((Number) r[4]).intValue(),
                        ((Number) r[8]).intValue(),
                        ((Number) r[9]).intValue(),
                        instant(r[10]),
                        instant(r[11]),
                        instant(r[5]),
                        (String) r[6],
                        (String) r[7]))
                .toList();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
