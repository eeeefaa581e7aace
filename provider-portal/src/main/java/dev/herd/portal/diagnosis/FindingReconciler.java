package dev.herd.portal.diagnosis;

import dev.herd.portal.advisory.KnownAdvisory;
import dev.herd.portal.machine.Machine;
import dev.herd.portal.match.Verdict;
import dev.herd.portal.policy.PolicyRepository;
import dev.herd.portal.policy.TenantPolicy;
import dev.herd.portal.sql.PostgresCopy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Brings the stored findings of some machines or SBOMs (for all advisories, or for one) in line with fresh verdicts: new ones
 * open, vanished ones close as patched (or withdrawn), closed ones that match again reopen; every state change goes
 * into the history. Writes are set-based so that a tenant of thousands of machines is reconciled in a few statements.
 */
@ApplicationScoped
public class FindingReconciler {

    private final EntityManager entityManager;
    private final PolicyRepository policies;
    private final PostgresCopy copy;
    private final FindingMetrics metrics;

    public FindingReconciler(
            EntityManager entityManager, PolicyRepository policies, PostgresCopy copy, FindingMetrics metrics) {
        this.entityManager = entityManager;
        this.policies = policies;
        this.copy = copy;
        this.metrics = metrics;
    }

    /** Counts of what changed. */
    public record Outcome(int opened, int reopened, int closed, int changed) {

        public static final Outcome NONE = new Outcome(0, 0, 0, 0);

        /** Both counts added, for work done a page at a time. */
        public Outcome plus(Outcome other) {
            return new Outcome(
                    opened + other.opened, reopened + other.reopened, closed + other.closed, changed + other.changed);
        }
    }

    /**
     * @param machines the machines examined
     * @param advisoryScope the one advisory examined, or null for every advisory
     * @param withdrawn whether {@code advisoryScope} was withdrawn (its findings close as WITHDRAWN)
     * @param verdicts the fresh verdicts by machine id
     * @param advisories the advisories the verdicts name, by id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome reconcile(
            Collection<Machine> machines,
            String advisoryScope,
            boolean withdrawn,
            Map<UUID, List<Verdict>> verdicts,
            Map<String, KnownAdvisory> advisories) {
        return reconcile(machines, advisoryScope, withdrawn, verdicts, advisories, FindingKind.PACKAGE);
    }

    /** As {@link #reconcile(Collection, String, boolean, Map, Map)}, for the findings of {@code kind} only. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome reconcile(
            Collection<Machine> machines,
            String advisoryScope,
            boolean withdrawn,
            Map<UUID, List<Verdict>> verdicts,
            Map<String, KnownAdvisory> advisories,
            FindingKind kind) {
        return reconcileSubjects(
                machines.stream().map(m -> new Subject(m.id, m.tenantId)).toList(),
                advisoryScope,
                withdrawn,
                verdicts,
                advisories,
                kind);
    }

    /**
     * What findings are on: a machine (its id) or an SBOM (its id), and the tenant that owns it. The findings of a
     * {@link FindingKind#SBOM} subject are written with {@code sbom_id}, the others with {@code machine_id}.
     */
    public record Subject(UUID id, String tenantId) {}

    /**
     * As {@link #reconcile(Collection, String, boolean, Map, Map, FindingKind)} for any subject. SBOM findings are
     * always {@link FindingAction#MONITOR}: Herd's rules and patch plans act on a machine's own packages, while an
     * application's components are upgraded by whoever builds it (docs/sbom.md).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome reconcileSubjects(
            Collection<Subject> subjects,
            String advisoryScope,
            boolean withdrawn,
            Map<UUID, List<Verdict>> verdicts,
            Map<String, KnownAdvisory> advisories,
            FindingKind kind) {
        if (subjects.isEmpty()) {
            return new Outcome(0, 0, 0, 0);
        }
        Instant now = Instant.now();
        Map<Key, Stored> stored = load(subjects, advisoryScope, kind);
        Map<String, TenantPolicy> policyOf = new HashMap<>();
        List<Object[]> inserts = new ArrayList<>();
        List<Long> reopened = new ArrayList<>();
        int changed = 0;
        Set<Key> seen = new HashSet<>();
        for (Subject subject : subjects) {
            // SBOM findings are MONITOR whatever the policy says: no policy read for them
            TenantPolicy policy =
                    kind == FindingKind.SBOM ? null : policyOf.computeIfAbsent(subject.tenantId(), policies::of);
            for (Verdict verdict : verdicts.getOrDefault(subject.id(), List.of())) {
                Key key = new Key(subject.id(), verdict.advisoryId(), verdict.packageName());
                if (!seen.add(key)) {
                    continue;
                }
                FindingAction action = kind == FindingKind.SBOM
                        ? FindingAction.MONITOR
                        : ActionDecider.decide(advisories.get(verdict.advisoryId()), verdict, policy);
                Stored known = stored.get(key);
                if (known == null) {
                    inserts.add(new Object[] {subject.tenantId(), subject.id(), verdict, action});
                    continue;
                }
                if (known.closed()) {
                    reopened.add(known.id());
                }
                if (known.differs(verdict, action)) {
                    updateValues(known.id(), verdict, action, now);
                    changed++;
                }
            }
        }
        List<Long> closing = stored.entrySet().stream()
                .filter(e -> !seen.contains(e.getKey()) && !e.getValue().closed())
                .map(e -> e.getValue().id())
                .toList();
        insert(inserts, kind, now);
        transition(reopened, FindingState.OPEN, null, "affected again", now);
        FindingState closedState = withdrawn ? FindingState.WITHDRAWN : FindingState.PATCHED;
        transition(closing, closedState, now, withdrawn ? "advisory withdrawn" : kind.closedReason(), now);
        Outcome outcome = new Outcome(inserts.size(), reopened.size(), closing.size(), changed);
        metrics.written(outcome);
        return outcome;
    }

    private Map<Key, Stored> load(Collection<Subject> subjects, String advisoryScope, FindingKind kind) {
        String column = kind.subjectColumn();
        Query query =
                entityManager.createNativeQuery("SELECT id, " + column + ", advisory_id, package_name, installed, "
                        + "fixed, source_document, action, state FROM finding WHERE " + column + " = ANY(:ids)"
                        + (advisoryScope == null ? "" : " AND advisory_id = :advisory")
                        + kind.filter());
        query.setParameter("ids", subjects.stream().map(Subject::id).toArray(UUID[]::new));
        if (advisoryScope != null) {
            query.setParameter("advisory", advisoryScope);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<Key, Stored> stored = new HashMap<>(rows.size() * 2);
        for (Object[] row : rows) {
            stored.put(
                    new Key((UUID) row[1], (String) row[2], (String) row[3]),
                    new Stored(
                            ((Number) row[0]).longValue(),
                            (String) row[4],
                            (String) row[5],
                            (String) row[6],
                            (String) row[7],
                            FindingState.valueOf((String) row[8])));
        }
        return stored;
    }

    /**
     * New findings, by COPY. Their first history entry (OPEN, found, at {@code opened_at}) is not stored: the finding
     * itself records it, and {@link FindingRepository#history} shows it; half the rows a first diagnosis writes.
     */
    private void insert(List<Object[]> rows, FindingKind kind, Instant now) {
        PostgresCopy.Rows copy = new PostgresCopy.Rows();
        for (Object[] row : rows) {
            Verdict verdict = (Verdict) row[2];
            copy.row(
                    row[0],
                    row[1],
                    verdict.advisoryId(),
                    verdict.packageName(),
                    verdict.installed(),
                    verdict.fixed(),
                    verdict.sourceDocument(),
                    ((FindingAction) row[3]).name(),
                    FindingState.OPEN.name(),
                    now,
                    now);
        }
        this.copy.into(
                "finding",
                "tenant_id, " + kind.subjectColumn()
                        + ", advisory_id, package_name, installed, fixed, source_document, action, state, "
                        + "opened_at, updated_at",
                copy);
    }

    /** Moves findings to a state and records why. */
    public void transition(List<Long> ids, FindingState state, Instant closedAt, String reason, Instant now) {
        transition(ids, Collections.nCopies(ids.size(), reason), state, closedAt, now);
    }

    /** As {@link #transition(List, FindingState, Instant, String, Instant)} with a reason per finding. */
    public void transition(List<Long> ids, List<String> reasons, FindingState state, Instant closedAt, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        entityManager
                .createNativeQuery(
                        "WITH moves AS (SELECT * FROM unnest(CAST(:ids AS bigint[]), CAST(:reasons AS text[])) "
                                + "AS m (id, reason)), moved AS (UPDATE finding f SET state = :state, closed_at = :closed, "
                                + "updated_at = :now FROM moves WHERE f.id = moves.id RETURNING f.id, f.tenant_id, moves.reason) "
                                + "INSERT INTO finding_history (finding_id, tenant_id, state, reason, at) "
                                + "SELECT id, tenant_id, :state, reason, :now FROM moved")
                .setParameter("state", state.name())
                .setParameter("closed", closedAt == null ? null : Timestamp.from(closedAt))
                .setParameter("now", Timestamp.from(now))
                .setParameter("ids", ids.toArray(Long[]::new))
                .setParameter("reasons", reasons.toArray(String[]::new))
                .executeUpdate();
    }

    private void updateValues(long id, Verdict verdict, FindingAction action, Instant now) {
        entityManager
                .createNativeQuery("UPDATE finding SET installed = :i, fixed = :f, source_document = :d, action = :a, "
                        + "updated_at = :now WHERE id = :id")
                .setParameter("i", verdict.installed())
                .setParameter("f", verdict.fixed())
                .setParameter("d", verdict.sourceDocument())
                .setParameter("a", action.name())
                .setParameter("now", Timestamp.from(now))
                .setParameter("id", id)
                .executeUpdate();
    }

    private record Key(UUID subjectId, String advisoryId, String packageName) {}

    private record Stored(
            long id, String installed, String fixed, String sourceDocument, String action, FindingState state) {

        boolean closed() {
            return state == FindingState.PATCHED || state == FindingState.WITHDRAWN;
        }

        boolean differs(Verdict verdict, FindingAction newAction) {
            return !Objects.equals(installed, verdict.installed())
                    || !Objects.equals(fixed, verdict.fixed())
                    || !Objects.equals(sourceDocument, verdict.sourceDocument())
                    || !Objects.equals(action, newAction.name());
        }
    }
}
