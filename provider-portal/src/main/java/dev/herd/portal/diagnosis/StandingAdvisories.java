package dev.herd.portal.diagnosis;

import dev.herd.portal.advisory.KnownAdvisory;
import dev.herd.portal.advisory.KnownAdvisoryRepository;
import dev.herd.portal.match.AdvisoryIndex;
import dev.herd.portal.match.FleetMatcher;
import dev.herd.portal.match.Verdict;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jboss.logging.Logger;

/**
 * The standing (not withdrawn) advisories, parsed once and kept in memory as an {@link AdvisoryIndex}, with the
 * verdicts of every (ecosystem, package, version, architecture) already decided: diagnosing a machine costs its
 * distinct packages, not a reload of every advisory that names them. Kept current by revision ({@code
 * advisory.revision}): before each use the index reads the advisories changed since the revision it holds, so it also
 * follows changes another portal instance consumed, and never holds a change whose transaction rolled back.
 */
@ApplicationScoped
public class StandingAdvisories {

    private static final Logger LOG = Logger.getLogger(StandingAdvisories.class);
    private static final int LOAD_BATCH = 500;

    private final KnownAdvisoryRepository advisories;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final AdvisoryIndex index = AdvisoryIndex.empty();
    private final Map<String, KnownAdvisory> byId = new HashMap<>();
    private volatile FleetMatcher matcher = new FleetMatcher(index);
    private volatile long revision;

    public StandingAdvisories(KnownAdvisoryRepository advisories) {
        this.advisories = advisories;
    }

    void build(@Observes StartupEvent event) {
        long started = System.nanoTime();
        QuarkusTransaction.requiringNew().run(this::refresh);
        LOG.infof(
                "Standing advisories indexed: %d up to revision %d in %d ms",
                byId.size(), revision, (System.nanoTime() - started) / 1_000_000);
    }

    /** What matching one set of machines gave: the verdicts by machine and the advisories they name. */
    public record Diagnosis(Map<UUID, List<Verdict>> verdicts, Map<String, KnownAdvisory> advisories) {}

    /**
     * Matches machines against every standing advisory, after taking in the advisory changes committed since the last
     * call. Call it with the diagnosis lock held, so that no advisory change commits halfway through.
     */
    public Diagnosis match(List<FleetMatcher.Machine<UUID>> machines) {
        refresh();
        lock.readLock().lock();
        try {
            FleetMatcher current = matcher;
            Map<UUID, List<Verdict>> verdicts = new HashMap<>();
            Map<String, KnownAdvisory> named = new HashMap<>();
            for (FleetMatcher.Machine<UUID> machine : machines) {
                current.match(machine, (id, verdict) -> {
                    verdicts.computeIfAbsent(id, k -> new ArrayList<>()).add(verdict);
                    named.computeIfAbsent(verdict.advisoryId(), byId::get);
                });
            }
            return new Diagnosis(verdicts, named);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The standing exposure advisories: those that name no package but mitigations (a port or service to close), from
     * memory instead of a scan of the advisory table for every machine whose listening services changed.
     */
    public List<KnownAdvisory> exposing() {
        refresh();
        lock.readLock().lock();
        try {
            return byId.values().stream()
                    .filter(a -> (a.affected == null || a.affected.isEmpty())
                            && a.mitigations != null
                            && !a.mitigations.isEmpty())
                    .toList();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** How many standing advisories the index holds. */
    public int size() {
        lock.readLock().lock();
        try {
            return byId.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Forgets everything held and reads every standing advisory again. Advisories are withdrawn, never deleted, so the
     * running platform never needs this; it is for whoever deletes advisory rows (tests that empty the tables).
     */
    public void reload() {
        lock.writeLock().lock();
        try {
            byId.keySet().forEach(index::remove);
            byId.clear();
            revision = 0;
            matcher = new FleetMatcher(index);
            refresh();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Reads the advisories changed after the revision held, in a transaction of its own (committed rows only). */
    void refresh() {
        if (advisories.latestRevision() <= revision) {
            return;
        }
        lock.writeLock().lock();
        try {
            long held = revision;
            List<KnownAdvisory> changed;
            do {
                long after = revision;
                changed = QuarkusTransaction.requiringNew().call(() -> advisories.changedAfter(after, LOAD_BATCH));
                changed.forEach(this::apply);
            } while (changed.size() == LOAD_BATCH);
            if (revision != held) {
                matcher = new FleetMatcher(index); // the verdicts decided so far are stale
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void apply(KnownAdvisory advisory) {
        if (advisory.withdrawn) {
            index.remove(advisory.id);
            byId.remove(advisory.id);
        } else {
            index.put(advisory.id, KnownAdvisoryRepository.rangesOf(List.of(advisory)));
            byId.put(advisory.id, advisory);
        }
        revision = Math.max(revision, advisory.revision);
    }
}
