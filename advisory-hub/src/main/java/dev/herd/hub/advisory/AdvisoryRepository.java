package dev.herd.hub.advisory;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Persistence of advisories with their alias and package indexes. */
@ApplicationScoped
public class AdvisoryRepository implements PanacheRepositoryBase<Advisory, String> {

    /**
     * Serialises merges that touch the same ids or aliases: two documents about one CVE arriving together must end
     * in one advisory, not two. Locks are taken in sorted order so that concurrent merges cannot deadlock.
     */
    public void lockMergeKeys(Collection<String> keys) {
        for (String key : new TreeSet<>(keys)) {
            getEntityManager()
                    .createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:key))")
                    .setParameter("key", key)
                    .getSingleResult();
        }
    }

    /** Ids of the advisories known by any of these (upper-case) aliases, oldest first. */
    @SuppressWarnings("unchecked")
    public List<String> idsKnownBy(Collection<String> aliases) {
        return getEntityManager()
                .createNativeQuery("SELECT a.id FROM advisory a WHERE a.id IN "
                        + "(SELECT advisory_id FROM advisory_alias WHERE alias IN (:aliases)) "
                        + "ORDER BY a.created_at, a.id")
                .setParameter("aliases", aliases)
                .getResultList();
    }

    public void addAliases(String advisoryId, Collection<String> aliases) {
        for (String alias : aliases) {
            getEntityManager()
                    .createNativeQuery("INSERT INTO advisory_alias (alias, advisory_id) VALUES (:alias, :id) "
                            + "ON CONFLICT (alias) DO NOTHING")
                    .setParameter("alias", alias)
                    .setParameter("id", advisoryId)
                    .executeUpdate();
        }
    }

    public void replacePackages(String advisoryId, Set<PackageKey> packages) {
        getEntityManager()
                .createNativeQuery("DELETE FROM advisory_package WHERE advisory_id = :id")
                .setParameter("id", advisoryId)
                .executeUpdate();
        for (PackageKey key : packages) {
            getEntityManager()
                    .createNativeQuery(
                            "INSERT INTO advisory_package (ecosystem, name, advisory_id) VALUES (:eco, :name, :id)")
                    .setParameter("eco", key.ecosystem())
                    .setParameter("name", key.name())
                    .setParameter("id", advisoryId)
                    .executeUpdate();
        }
    }

    /** An affected package's identity in the package index. */
    public record PackageKey(String ecosystem, String name) {}
}
