package dev.herd.portal.machine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.herd.portal.match.InstalledPackage;
import dev.herd.portal.sql.PostgresCopy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stored package sets (V26): found or created by content, read by id. A set never changes once stored, so what it
 * holds is cached by id, up to {@code herd.portal.package-sets.cached-packages} packages in all (the 40 sample images
 * hold about 30,000).
 */
@ApplicationScoped
public class PackageSets {

    private final EntityManager entityManager;
    private final PostgresCopy copy;
    private final Cache<Long, List<PackageSetContent.Member>> cached;

    public PackageSets(
            EntityManager entityManager,
            PostgresCopy copy,
            @ConfigProperty(name = "herd.portal.package-sets.cached-packages", defaultValue = "200000")
                    long cachedPackages) {
        this.entityManager = entityManager;
        this.copy = copy;
        this.cached = Caffeine.newBuilder()
                .maximumWeight(cachedPackages)
                .<Long, List<PackageSetContent.Member>>weigher((id, members) -> Math.max(1, members.size()))
                .build();
    }

    /**
     * The id of the set with this content, stored now if no set has it. A set found is locked against the sweeper
     * ({@code FOR KEY SHARE}) until the caller's transaction ends; two transactions storing the same new content meet
     * at the unique digest, and the second one uses the first one's set once it committed.
     */
    public long idOf(PackageSetContent content) {
        byte[] digest = content.digest();
        Long found = existing(digest);
        if (found != null) {
            return found;
        }
        @SuppressWarnings("unchecked")
        List<Number> created = entityManager
                .createNativeQuery("INSERT INTO package_set (digest, package_count) VALUES (:d, :n) "
                        + "ON CONFLICT (digest) DO NOTHING RETURNING id")
                .setParameter("d", digest)
                .setParameter("n", content.size())
                .getResultList();
        if (created.isEmpty()) {
            Long other = existing(digest);
            if (other == null) {
                throw new IllegalStateException("package set vanished between its insert and its read");
            }
            return other;
        }
        long id = created.getFirst().longValue();
        PostgresCopy.Rows rows = new PostgresCopy.Rows();
        List<PackageSetContent.Member> members = content.members();
        for (PackageSetContent.Member m : members) {
            rows.row(
                    id,
                    m.name(),
                    m.architecture(),
                    m.version(),
                    m.sourceName(),
                    m.sourceVersion(),
                    m.matchName(),
                    m.matchVersion());
        }
        copy.into(
                "package_set_member",
                "set_id, name, architecture, version, source_name, source_version, match_name, match_version",
                rows);
        return id;
    }

    private Long existing(byte[] digest) {
        @SuppressWarnings("unchecked")
        List<Number> ids = entityManager
                .createNativeQuery("SELECT id FROM package_set WHERE digest = :d FOR KEY SHARE")
                .setParameter("d", digest)
                .getResultList();
        return ids.isEmpty() ? null : ids.getFirst().longValue();
    }

    /** What the set holds, ordered by name and architecture; empty for null (a machine that never reported). */
    public List<PackageSetContent.Member> members(Long setId) {
        if (setId == null) {
            return List.of();
        }
        return membersOf(List.of(setId)).getOrDefault(setId, List.of());
    }

    /** What each of these sets holds, read from PostgreSQL only for the sets not cached. */
    public Map<Long, List<PackageSetContent.Member>> membersOf(Collection<Long> setIds) {
        Map<Long, List<PackageSetContent.Member>> bySet = new HashMap<>(cached.getAllPresent(setIds));
        List<Long> missing =
                setIds.stream().distinct().filter(id -> !bySet.containsKey(id)).toList();
        if (missing.isEmpty()) {
            return bySet;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT set_id, name, architecture, version, source_name, source_version, "
                        + "match_name, match_version FROM package_set_member WHERE set_id = ANY(:ids) "
                        + "ORDER BY set_id, name, architecture")
                .setParameter("ids", missing.toArray(Long[]::new))
                .getResultList();
        Map<Long, List<PackageSetContent.Member>> read = new HashMap<>();
        missing.forEach(id -> read.put(id, new ArrayList<>()));
        for (Object[] row : rows) {
            read.get(((Number) row[0]).longValue())
                    .add(new PackageSetContent.Member(
                            (String) row[1],
                            (String) row[2],
                            (String) row[3],
                            (String) row[4],
                            (String) row[5],
                            (String) row[6],
                            (String) row[7]));
        }
        read.forEach((id, members) -> {
            List<PackageSetContent.Member> kept = List.copyOf(members);
            cached.put(id, kept);
            bySet.put(id, kept);
        });
        return bySet;
    }

    /** The packages of a set as diagnosis matches them. */
    public static List<InstalledPackage> installed(List<PackageSetContent.Member> members) {
        List<InstalledPackage> installed = new ArrayList<>(members.size());
        members.forEach(m -> installed.add(new InstalledPackage(m.matchName(), m.matchVersion(), m.architecture())));
        return installed;
    }
}
