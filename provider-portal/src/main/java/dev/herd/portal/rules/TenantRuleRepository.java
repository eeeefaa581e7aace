package dev.herd.portal.rules;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The filter rules of a tenant, the machines each protects, and the tenant's rule numbers and bundle revisions. */
@ApplicationScoped
public class TenantRuleRepository implements PanacheRepositoryBase<TenantRule, Long> {

    /**
     * Locks the tenant's protection counter until the transaction ends: rule changes of one tenant (diagnosis,
     * outcomes, HTTP) run one at a time.
     */
    public void lock(String tenantId) {
        lock(List.of(tenantId));
    }

    /** As {@link #lock(String)} for several tenants at once, taken in name order (so two such calls cannot deadlock). */
    void lock(Collection<String> tenantIds) {
        String[] sorted = tenantIds.stream().sorted().distinct().toArray(String[]::new);
        getEntityManager()
                .createNativeQuery(
                        "INSERT INTO protection_counter (tenant_id) SELECT t FROM unnest(CAST(:t AS text[])) "
                                + "AS t ORDER BY t ON CONFLICT (tenant_id) DO NOTHING")
                .setParameter("t", sorted)
                .executeUpdate();
        getEntityManager()
                .createNativeQuery("SELECT tenant_id FROM protection_counter WHERE tenant_id = ANY(CAST(:t AS text[])) "
                        + "ORDER BY tenant_id FOR UPDATE")
                .setParameter("t", sorted)
                .getResultList();
    }

    /**
     * Reserves {@code count} consecutive rule numbers per tenant (1, 2, ... over the tenant's life) and gives the first
     * of each; call after {@link #lock}.
     */
    Map<String, Integer> nextRuleNumbers(Map<String, Integer> counts) {
        Map<String, Integer> first = new HashMap<>();
        if (counts.isEmpty()) {
            return first;
        }
        List<String> tenants = List.copyOf(counts.keySet());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("UPDATE protection_counter p SET last_rule_number = p.last_rule_number + c.n "
                        + "FROM unnest(CAST(:t AS text[]), CAST(:n AS int[])) AS c (t, n) WHERE p.tenant_id = c.t "
                        + "RETURNING p.tenant_id, p.last_rule_number")
                .setParameter("t", tenants.toArray(String[]::new))
                .setParameter("n", tenants.stream().map(counts::get).toArray(Integer[]::new))
                .getResultList();
        for (Object[] row : rows) {
            String tenant = (String) row[0];
            first.put(tenant, ((Number) row[1]).intValue() - counts.get(tenant) + 1);
        }
        return first;
    }

    /** The next bundle revision of each tenant (1, 2, ...); call after {@link #lock}. */
    Map<String, Long> nextRevisions(Collection<String> tenantIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("UPDATE protection_counter SET last_revision = last_revision + 1 "
                        + "WHERE tenant_id = ANY(CAST(:t AS text[])) RETURNING tenant_id, last_revision")
                .setParameter("t", tenantIds.toArray(String[]::new))
                .getResultList();
        Map<String, Long> revisions = new HashMap<>();
        rows.forEach(row -> revisions.put((String) row[0], ((Number) row[1]).longValue()));
        return revisions;
    }

    /** Rules of the tenant in number order, optionally in one state. */
    public List<TenantRule> ofTenant(String tenantId, RuleState state) {
        return state == null
                ? list("tenantId", Sort.by("number"), tenantId)
                : list("tenantId = ?1 and state = ?2", Sort.by("number"), tenantId, state);
    }

    /** One page of the tenant's rules in number order ({@code index} counts from 0). */
    public List<TenantRule> page(String tenantId, int index, int size) {
        return find("tenantId", Sort.by("number"), tenantId).page(index, size).list();
    }

    public long countOf(String tenantId) {
        return count("tenantId", tenantId);
    }

    /** How many machines each rule of the tenant lists, and the first {@code first} of their names in name order. */
    public Map<Long, RuleSummary.Machines> machineNames(String tenantId, Collection<Long> ruleIds, int first) {
        Map<Long, RuleSummary.Machines> names = new HashMap<>();
        if (ruleIds.isEmpty()) {
            return names;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("SELECT rule_id, total, name FROM (SELECT rm.rule_id, m.name, "
                        + "row_number() OVER (PARTITION BY rm.rule_id ORDER BY m.name) AS n, "
                        + "count(*) OVER (PARTITION BY rm.rule_id) AS total FROM filter_rule_machine rm "
                        + "JOIN machine m ON m.id = rm.machine_id AND m.tenant_id = rm.tenant_id "
                        + "WHERE rm.tenant_id = :t AND rm.rule_id = ANY(:ids)) r WHERE n <= :k ORDER BY rule_id, n")
                .setParameter("t", tenantId)
                .setParameter("ids", ruleIds.toArray(Long[]::new))
                .setParameter("k", first)
                .getResultList();
        Map<Long, List<String>> firstNames = new HashMap<>();
        Map<Long, Long> totals = new HashMap<>();
        for (Object[] row : rows) {
            long rule = ((Number) row[0]).longValue();
            totals.put(rule, ((Number) row[1]).longValue());
            firstNames.computeIfAbsent(rule, k -> new ArrayList<>()).add((String) row[2]);
        }
        totals.forEach((rule, total) -> names.put(rule, new RuleSummary.Machines(total, firstNames.get(rule))));
        return names;
    }

    /** The deployed rules in each tenant's scope, by tenant and number. */
    List<TenantRule> deployed(TenantScopes scopes) {
        return inScope(scopes, "state = 'DEPLOYED'");
    }

    /** The rules a fresh draft of the advisories in scope is matched against (see {@link #matchable(String)}). */
    List<TenantRule> matchable(TenantScopes scopes) {
        return inScope(scopes, "(state <> 'WITHDRAWN' OR withdrawn_by_hand)");
    }

    private List<TenantRule> inScope(TenantScopes scopes, String condition) {
        if (scopes.empty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<TenantRule> rules = scopes.bind(getEntityManager()
                        .createNativeQuery(
                                "SELECT * FROM filter_rule WHERE " + condition + " AND "
                                        + scopes.condition("tenant_id", "advisory_id")
                                        + " ORDER BY tenant_id, number",
                                TenantRule.class))
                .getResultList();
        return rules;
    }

    /**
     * Stores new rules, numbered already, with one statement for all of them (and all tenants); sets their ids. They
     * are not managed: what they are stored as is final for this transaction.
     */
    void insert(List<TenantRule> fresh) {
        if (fresh.isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery(
                        "INSERT INTO filter_rule (tenant_id, number, advisory_id, rule_key, action, protocol, "
                                + "port, rate, signature, source_address, description, state, created_at, deployed_at, "
                                + "withdrawn_by_hand, reason) SELECT t, n, a, k, ac, p, po, ra, si, sa, d, st, c, de, false, re "
                                + "FROM unnest(CAST(:t AS text[]), CAST(:n AS int[]), CAST(:a AS text[]), CAST(:k AS text[]), "
                                + "CAST(:ac AS text[]), CAST(:p AS text[]), CAST(:po AS int[]), CAST(:ra AS int[]), "
                                + "CAST(:si AS text[]), CAST(:sa AS text[]), CAST(:d AS text[]), CAST(:st AS text[]), "
                                + "CAST(:c AS timestamptz[]), CAST(:de AS timestamptz[]), CAST(:re AS text[])) "
                                + "AS r (t, n, a, k, ac, p, po, ra, si, sa, d, st, c, de, re) RETURNING id, tenant_id, number")
                .setParameter("t", fresh.stream().map(r -> r.tenantId).toArray(String[]::new))
                .setParameter("n", fresh.stream().map(r -> r.number).toArray(Integer[]::new))
                .setParameter("a", fresh.stream().map(r -> r.advisoryId).toArray(String[]::new))
                .setParameter("k", fresh.stream().map(r -> r.ruleKey).toArray(String[]::new))
                .setParameter("ac", fresh.stream().map(r -> r.action.name()).toArray(String[]::new))
                .setParameter("p", fresh.stream().map(r -> r.protocol).toArray(String[]::new))
                .setParameter("po", fresh.stream().map(r -> r.port).toArray(Integer[]::new))
                .setParameter("ra", fresh.stream().map(r -> r.rate).toArray(Integer[]::new))
                .setParameter("si", fresh.stream().map(r -> r.signature).toArray(String[]::new))
                .setParameter("sa", fresh.stream().map(r -> r.sourceAddress).toArray(String[]::new))
                .setParameter("d", fresh.stream().map(r -> r.description).toArray(String[]::new))
                .setParameter("st", fresh.stream().map(r -> r.state.name()).toArray(String[]::new))
                .setParameter(
                        "c", fresh.stream().map(r -> timestamp(r.createdAt)).toArray(Timestamp[]::new))
                .setParameter(
                        "de", fresh.stream().map(r -> timestamp(r.deployedAt)).toArray(Timestamp[]::new))
                .setParameter("re", fresh.stream().map(r -> r.reason).toArray(String[]::new))
                .getResultList();
        Map<String, TenantRule> byNumber = new HashMap<>();
        fresh.forEach(rule -> byNumber.put(rule.tenantId + " " + rule.number, rule));
        rows.forEach(row -> byNumber.get(row[1] + " " + row[2]).id = ((Number) row[0]).longValue());
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** The advisories of the live rules that list one of these machines. */
    Set<String> advisoriesProtecting(String tenantId, Collection<UUID> machineIds) {
        @SuppressWarnings("unchecked")
        List<String> rows = getEntityManager()
                .createNativeQuery("SELECT DISTINCT r.advisory_id FROM filter_rule_machine m "
                        + "JOIN filter_rule r ON r.id = m.rule_id WHERE m.machine_id = ANY(:m) AND r.tenant_id = :t")
                .setParameter("m", machineIds.toArray(UUID[]::new))
                .setParameter("t", tenantId)
                .getResultList();
        return new HashSet<>(rows);
    }

    public Optional<TenantRule> byNumber(String tenantId, int number) {
        return find("tenantId = ?1 and number = ?2", tenantId, number).firstResultOptional();
    }

    /** The rules a fresh draft is matched against: the live ones and those withdrawn by hand (not proposed again). */
    public List<TenantRule> matchable(String tenantId) {
        return list(
                "tenantId = ?1 and (state <> ?2 or withdrawnByHand = true)",
                Sort.by("number"),
                tenantId,
                RuleState.WITHDRAWN);
    }

    /** The machines of each rule. */
    public Map<Long, Set<UUID>> machinesOf(Collection<Long> ruleIds) {
        Map<Long, Set<UUID>> machines = new HashMap<>();
        if (ruleIds.isEmpty()) {
            return machines;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("SELECT rule_id, machine_id FROM filter_rule_machine WHERE rule_id = ANY(:ids) "
                        + "ORDER BY rule_id, machine_id")
                .setParameter("ids", ruleIds.toArray(Long[]::new))
                .getResultList();
        for (Object[] row : rows) {
            machines.computeIfAbsent(((Number) row[0]).longValue(), k -> new LinkedHashSet<>())
                    .add((UUID) row[1]);
        }
        return machines;
    }

    /** A rule's machines from one set to the next: what to add, what to remove. */
    record MachineChange(TenantRule rule, Set<UUID> before, Set<UUID> after) {}

    /**
     * Moves each rule's machines from its {@code before} to its {@code after} set: one DELETE of the machines gone and
     * one INSERT of those added, for every rule at once. What is written grows with the change, not with the machines a
     * rule lists (a machine that starts listening on a port adds one row to each of its rules).
     */
    void changeMachines(Collection<MachineChange> changes) {
        List<Long> goneRules = new ArrayList<>();
        List<UUID> goneMachines = new ArrayList<>();
        List<Long> addedRules = new ArrayList<>();
        List<UUID> addedMachines = new ArrayList<>();
        List<String> addedTenants = new ArrayList<>();
        for (MachineChange change : changes) {
            for (UUID machine : change.before()) {
                if (!change.after().contains(machine)) {
                    goneRules.add(change.rule().id);
                    goneMachines.add(machine);
                }
            }
            for (UUID machine : change.after()) {
                if (!change.before().contains(machine)) {
                    addedRules.add(change.rule().id);
                    addedMachines.add(machine);
                    addedTenants.add(change.rule().tenantId);
                }
            }
        }
        if (!goneRules.isEmpty()) {
            getEntityManager()
                    .createNativeQuery("DELETE FROM filter_rule_machine f USING unnest(CAST(:r AS bigint[]), "
                            + "CAST(:m AS uuid[])) AS g (r, m) WHERE f.rule_id = g.r AND f.machine_id = g.m")
                    .setParameter("r", goneRules.toArray(Long[]::new))
                    .setParameter("m", goneMachines.toArray(UUID[]::new))
                    .executeUpdate();
        }
        if (!addedRules.isEmpty()) {
            getEntityManager()
                    .createNativeQuery("INSERT INTO filter_rule_machine (rule_id, machine_id, tenant_id) "
                            + "SELECT r, m, t FROM unnest(CAST(:r AS bigint[]), CAST(:m AS uuid[]), CAST(:t AS text[])) "
                            + "AS a (r, m, t)")
                    .setParameter("r", addedRules.toArray(Long[]::new))
                    .setParameter("m", addedMachines.toArray(UUID[]::new))
                    .setParameter("t", addedTenants.toArray(String[]::new))
                    .executeUpdate();
        }
    }
}
