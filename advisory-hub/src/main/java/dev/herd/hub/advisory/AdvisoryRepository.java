package dev.herd.hub.advisory;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
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
        getEntityManager()
                .createNativeQuery("SELECT count(pg_advisory_xact_lock(hashtext(k))) FROM "
                        + "(SELECT unnest(string_to_array(:keys, chr(31))) AS k ORDER BY 1) AS sorted")
                .setParameter("keys", packed(new TreeSet<>(keys)))
                .getSingleResult();
    }

    /**
     * Ids of the advisories known by any of these (upper-case) aliases, oldest first. The aliases are looked up once
     * (an init plan) and the advisories by their ids: as a semi-join, right after the tables were emptied (statistics
     * of empty tables) and while one transaction merged a whole KEV catalogue into them, PostgreSQL chose a nested
     * loop over both tables for every statement, and the pull of 1,404 statements ran for minutes instead of seconds.
     */
    @SuppressWarnings("unchecked")
    public List<String> idsKnownBy(Collection<String> aliases) {
        return getEntityManager()
                .createNativeQuery("SELECT a.id FROM advisory a WHERE a.id = ANY (ARRAY("
                        + "SELECT advisory_id FROM advisory_alias WHERE alias IN (:aliases))) "
                        + "ORDER BY a.created_at, a.id")
                .setParameter("aliases", aliases)
                .getResultList();
    }

    public void addAliases(String advisoryId, Collection<String> aliases) {
        getEntityManager()
                .createNativeQuery("INSERT INTO advisory_alias (alias, advisory_id) "
                        + "SELECT unnest(string_to_array(:aliases, chr(31))), :id ON CONFLICT (alias) DO NOTHING")
                .setParameter("aliases", packed(aliases))
                .setParameter("id", advisoryId)
                .executeUpdate();
    }

    /**
     * The highest EPSS score among the CVEs this advisory's aliases (its id among them) name, and that score's
     * percentile; empty when none has a score.
     */
    public Optional<Object[]> epssOf(String advisoryId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("SELECT s.epss, s.percentile FROM advisory_alias a "
                        + "JOIN epss_score s ON s.cve = a.alias WHERE a.advisory_id = :id "
                        + "ORDER BY s.epss DESC, s.percentile DESC LIMIT 1")
                .setParameter("id", advisoryId)
                .getResultList();
        return rows.stream().findFirst();
    }

    /** Makes the package index of an advisory exactly {@code packages}; a new advisory has nothing to delete. */
    public void replacePackages(String advisoryId, Set<PackageKey> packages, boolean isNew) {
        if (!isNew) {
            getEntityManager()
                    .createNativeQuery("DELETE FROM advisory_package WHERE advisory_id = :id")
                    .setParameter("id", advisoryId)
                    .executeUpdate();
        }
        if (packages.isEmpty()) {
            return;
        }
        getEntityManager()
                .createNativeQuery("INSERT INTO advisory_package (ecosystem, name, advisory_id) "
                        + "SELECT e, n, :id FROM unnest(string_to_array(:ecos, chr(31)), string_to_array(:names, chr(31)))"
                        + " AS p(e, n)")
                .setParameter(
                        "ecos",
                        packed(packages.stream().map(PackageKey::ecosystem).toList()))
                .setParameter(
                        "names", packed(packages.stream().map(PackageKey::name).toList()))
                .setParameter("id", advisoryId)
                .executeUpdate();
    }

    /** Several values in one text parameter, separated by the ASCII unit separator (never part of an id). */
    private static String packed(Collection<String> values) {
        return String.join("\u001f", values);
    }

    /** An affected package's identity in the package index. */
    public record PackageKey(String ecosystem, String name) {}
}
