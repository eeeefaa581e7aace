package dev.herd.hub.taxii;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Persistence of the TAXII collection's object versions, and the page queries of the objects and manifest endpoints. */
@ApplicationScoped
public class TaxiiObjectRepository implements PanacheRepositoryBase<TaxiiObject, Long> {

    /** Serialises publishers, so that date_added grows in commit order (PostgreSQL transaction advisory lock). */
    void lockPublishing() {
        getEntityManager()
                .createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('herd.taxii.publish'))")
                .getSingleResult();
    }

    Optional<TaxiiObject> latest(String stixId) {
        return find("stixId = ?1 AND latest = true", stixId).firstResultOptional();
    }

    Optional<Instant> lastAdded() {
        return Optional.ofNullable(getEntityManager()
                .createQuery("SELECT max(o.dateAdded) FROM TaxiiObject o", Instant.class)
                .getSingleResult());
    }

    /**
     * One page of object versions in {@code date_added} order: those added after {@code after} (exclusive, may be
     * null), filtered as {@code filter} says, at most {@code limit} of them.
     */
    List<TaxiiObject> page(TaxiiFilter filter, Instant after, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        java.util.Map<String, Object> parameters = new java.util.HashMap<>();
        if (after != null) {
            where.append(" AND o.dateAdded > :after");
            parameters.put("after", after);
        }
        if (!filter.ids().isEmpty()) {
            where.append(" AND o.stixId IN :ids");
            parameters.put("ids", filter.ids());
        }
        if (!filter.types().isEmpty()) {
            where.append(" AND o.stixType IN :types");
            parameters.put("types", filter.types());
        }
        String versions = filter.versions().stream()
                .map(version -> switch (version) {
                    case TaxiiFilter.LAST -> "o.latest = true";
                    case TaxiiFilter.ALL -> "1 = 1";
                    case TaxiiFilter.FIRST ->
                        "o.version = (SELECT min(f.version) FROM TaxiiObject f WHERE f.stixId = o.stixId)";
                    default -> {
                        String name = "v" + parameters.size();
                        parameters.put(name, Instant.parse(version));
                        yield "o.version = :" + name;
                    }
                })
                .collect(java.util.stream.Collectors.joining(" OR "));
        where.append(" AND (").append(versions).append(")");
        var query = getEntityManager()
                .createQuery("SELECT o FROM TaxiiObject o WHERE " + where + " ORDER BY o.dateAdded", TaxiiObject.class)
                .setMaxResults(limit);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }
}
