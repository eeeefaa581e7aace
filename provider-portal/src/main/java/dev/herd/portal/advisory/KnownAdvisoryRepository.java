package dev.herd.portal.advisory;

import dev.herd.portal.match.AffectedRange;
import dev.herd.portal.match.Ecosystems;
import dev.herd.portal.match.RangeEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.hibernate.jpa.HibernateHints;

/** Advisories as diagnosis knows them, and their affected ranges by package. */
@ApplicationScoped
public class KnownAdvisoryRepository implements PanacheRepositoryBase<KnownAdvisory, String> {

    /** Replaces the (ecosystem, package) index rows of one advisory. */
    public void replacePackages(KnownAdvisory advisory) {
        getEntityManager()
                .createNativeQuery("DELETE FROM advisory_package WHERE advisory_id = :id")
                .setParameter("id", advisory.id)
                .executeUpdate();
        var keys = new HashSet<List<String>>();
        for (var affected : advisory.affected) {
            keys.add(List.of(Ecosystems.normalise(affected.ecosystem()), affected.name()));
        }
        for (List<String> key : keys) {
            getEntityManager()
                    .createNativeQuery("INSERT INTO advisory_package (advisory_id, ecosystem, package_name) "
                            + "VALUES (:id, :e, :p)")
                    .setParameter("id", advisory.id)
                    .setParameter("e", key.get(0))
                    .setParameter("p", key.get(1))
                    .executeUpdate();
        }
    }

    /** Ids of the standing advisories with a mitigation carrying this payload signature (a JSONB containment query). */
    public List<String> standingIdsWithSignature(String signature) {
        @SuppressWarnings("unchecked")
        List<String> ids = getEntityManager()
                .createNativeQuery("SELECT id FROM advisory WHERE NOT withdrawn "
                        + "AND mitigations @> jsonb_build_array(jsonb_build_object('signature', CAST(:s AS text)))")
                .setParameter("s", signature)
                .getResultList();
        return ids;
    }

    /** The next advisory revision; call it with the diagnosis lock held, so that revisions commit in order. */
    public long nextRevision() {
        return ((Number) getEntityManager()
                        .createNativeQuery("SELECT nextval('advisory_revision')")
                        .getSingleResult())
                .longValue();
    }

    /** The highest revision of any stored advisory (0 when there is none). */
    public long latestRevision() {
        return ((Number) getEntityManager()
                        .createNativeQuery("SELECT coalesce(max(revision), 0) FROM advisory")
                        .getSingleResult())
                .longValue();
    }

    /**
     * At most {@code max} advisories changed after {@code revision}, oldest change first, detached from the persistence
     * context (read-only copies for an in-memory index).
     */
    public List<KnownAdvisory> changedAfter(long revision, int max) {
        List<KnownAdvisory> changed = find("revision > ?1", Sort.by("revision"), revision)
                .withHint(HibernateHints.HINT_READ_ONLY, true)
                .page(Page.ofSize(max))
                .list();
        changed.forEach(getEntityManager()::detach);
        return changed;
    }

    /** Every affected range of these advisories, ready for an index. */
    public static List<AffectedRange> rangesOf(Collection<KnownAdvisory> advisories) {
        List<AffectedRange> ranges = new ArrayList<>();
        for (KnownAdvisory advisory : advisories) {
            for (var affected : advisory.affected) {
                List<String> versions = affected.versions();
                var architectures = new HashSet<>(affected.architectures());
                if (affected.ranges().isEmpty() && !versions.isEmpty()) {
                    ranges.add(range(advisory, affected, "ECOSYSTEM", List.of(), versions, architectures));
                }
                for (var range : affected.ranges()) {
                    List<RangeEvent> events = range.events().stream()
                            .map(e -> RangeEvent.of(e.introduced(), e.fixed(), e.lastAffected(), e.limit()))
                            .filter(Objects::nonNull)
                            .toList();
                    ranges.add(range(advisory, affected, range.type(), events, versions, architectures));
                    versions = List.of();
                }
            }
        }
        return ranges;
    }

    private static AffectedRange range(
            KnownAdvisory advisory,
            dev.herd.contracts.advisory.AdvisoryChanged.Affected affected,
            String type,
            List<RangeEvent> events,
            List<String> versions,
            java.util.Set<String> architectures) {
        return new AffectedRange(
                advisory.id,
                affected.ecosystem(),
                affected.name(),
                type,
                events,
                new HashSet<>(versions),
                architectures,
                affected.sourceDocument());
    }
}
