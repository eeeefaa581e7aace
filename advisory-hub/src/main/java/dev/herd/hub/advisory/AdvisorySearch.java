package dev.herd.hub.advisory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Finds advisories by package, alias, severity, known-exploited and change time, a page at a time. */
@ApplicationScoped
public class AdvisorySearch {

    private final EntityManager em;
    private final AdvisoryRepository advisories;

    public AdvisorySearch(EntityManager em, AdvisoryRepository advisories) {
        this.em = em;
        this.advisories = advisories;
    }

    /** One page of matches, in the order Herd changed them (oldest first), so that polling clients never skip one. */
    public AdvisoryPage<Advisory> search(AdvisoryQuery query) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (query.packageName() != null) {
            where.append(" AND a.id IN (SELECT p.advisory_id FROM advisory_package p WHERE p.name = :pkg");
            params.put("pkg", query.packageName());
            if (query.ecosystem() != null) {
                where.append(" AND p.ecosystem = :eco");
                params.put("eco", query.ecosystem());
            }
            where.append(")");
        } else if (query.ecosystem() != null) {
            where.append(" AND a.id IN (SELECT p.advisory_id FROM advisory_package p WHERE p.ecosystem = :eco)");
            params.put("eco", query.ecosystem());
        }
        if (query.alias() != null) {
            where.append(" AND a.id IN (SELECT l.advisory_id FROM advisory_alias l WHERE l.alias = :alias)");
            params.put("alias", query.alias().strip().toUpperCase(Locale.ROOT));
        }
        if (query.severity() != null) {
            where.append(" AND a.severity = :severity");
            params.put("severity", query.severity().name());
        }
        if (query.knownExploited() != null) {
            where.append(" AND a.known_exploited = :kev");
            params.put("kev", query.knownExploited());
        }
        if (query.modifiedSince() != null) {
            where.append(" AND a.updated_at >= :since");
            params.put("since", query.modifiedSince());
        }
        Query count = em.createNativeQuery("SELECT count(*) FROM advisory a" + where);
        Query ids = em.createNativeQuery("SELECT a.id FROM advisory a" + where + " ORDER BY a.updated_at, a.id")
                .setFirstResult(query.page() * query.size())
                .setMaxResults(query.size());
        params.forEach((name, value) -> {
            count.setParameter(name, value);
            ids.setParameter(name, value);
        });
        long total = ((Number) count.getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<String> pageIds = ids.getResultList();
        List<Advisory> items = new ArrayList<>(advisories.list("id in ?1", pageIds));
        items.sort(Comparator.comparing((Advisory a) -> a.updatedAt).thenComparing(a -> a.id));
        return new AdvisoryPage<>(items, query.page(), query.size(), total);
    }
}
