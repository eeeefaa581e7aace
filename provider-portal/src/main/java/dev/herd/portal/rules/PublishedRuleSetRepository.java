package dev.herd.portal.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.delivery.RuleBundle;
import dev.herd.portal.sql.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A tenant's published rules, one row per rule (table published_rule), and the revision they are at (table
 * rule_bundle_state). A revision writes the rows of the rules it changed; the whole set is read only for a full
 * bundle.
 */
@ApplicationScoped
public class PublishedRuleSetRepository {

    private final EntityManager entityManager;
    private final ObjectMapper json;

    public PublishedRuleSetRepository(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** The tenant's newest revision with every rule of it; empty when it has published nothing since V18. */
    public Optional<PublishedRuleSet> find(String tenantId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT revision, generated_at FROM rule_bundle_state WHERE tenant_id = :t")
                .setParameter("t", tenantId)
                .getResultList();
        return rows.stream().findFirst().map(r -> {
            Map<Integer, PublishedRule> rules =
                    rules(TenantScopes.of(tenantId, RuleScope.wholeTenant())).get(tenantId);
            return new PublishedRuleSet(
                    tenantId,
                    ((Number) r[0]).longValue(),
                    Timestamps.instant(r[1]),
                    rules.values().stream().map(PublishedRule::filterRule).toList(),
                    rules.values().stream().map(PublishedRule::listed).toList());
        });
    }

    /** The revision each tenant's published rules are at, for those that published since V18. */
    Map<String, Long> revisions(Collection<String> tenantIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT tenant_id, revision FROM rule_bundle_state "
                        + "WHERE tenant_id = ANY(CAST(:t AS text[]))")
                .setParameter("t", tenantIds.toArray(String[]::new))
                .getResultList();
        Map<String, Long> revisions = new HashMap<>();
        rows.forEach(r -> revisions.put((String) r[0], ((Number) r[1]).longValue()));
        return revisions;
    }

    /** The published rules in each tenant's scope, by tenant and number (every tenant in scope has an entry). */
    Map<String, Map<Integer, PublishedRule>> rules(TenantScopes scopes) {
        Map<String, Map<Integer, PublishedRule>> byTenant = new HashMap<>();
        scopes.tenants().forEach(tenant -> byTenant.put(tenant, new TreeMap<>()));
        if (scopes.empty()) {
            return byTenant;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = scopes.bind(entityManager.createNativeQuery(
                        "SELECT tenant_id, number, advisory_id, CAST(filter_rule AS text), CAST(listed AS text) "
                                + "FROM published_rule WHERE "
                                + scopes.condition("tenant_id", "advisory_id")))
                .getResultList();
        for (Object[] r : rows) {
            String tenantId = (String) r[0];
            int number = ((Number) r[1]).intValue();
            try {
                byTenant.get(tenantId)
                        .put(
                                number,
                                new PublishedRule(
                                        number,
                                        (String) r[2],
                                        json.readValue((String) r[3], FilterRule.class),
                                        json.readValue((String) r[4], RuleBundle.Rule.class)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(
                        "published rule " + number + " of tenant " + tenantId + " is unreadable", e);
            }
        }
        return byTenant;
    }

    /**
     * The numbers of each tenant's published rules outside its scope that have a chain of their own (none for a
     * tenant whose scope is every rule).
     */
    Map<String, Set<Integer>> nftablesNumbersOutside(TenantScopes scopes) {
        Map<String, Set<Integer>> byTenant = new HashMap<>();
        scopes.tenants().forEach(tenant -> byTenant.put(tenant, new HashSet<>()));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = scopes.bind(entityManager.createNativeQuery(
                        "SELECT tenant_id, number FROM published_rule WHERE in_nftables "
                                + "AND tenant_id = ANY(CAST(:scoped AS text[])) AND NOT "
                                + scopes.condition("tenant_id", "advisory_id")))
                .setParameter(
                        "scoped",
                        scopes.tenants().stream()
                                .filter(tenant -> !scopes.of(tenant).whole())
                                .toArray(String[]::new))
                .getResultList();
        rows.forEach(r -> byTenant.get((String) r[0]).add(((Number) r[1]).intValue()));
        return byTenant;
    }

    /** A tenant's move to its next revision: the published rules in scope before and after. */
    record Revision(
            String tenantId,
            long revision,
            Instant generatedAt,
            Map<Integer, PublishedRule> before,
            Map<Integer, PublishedRule> after) {}

    /**
     * Moves each tenant to its revision: the rules of {@code before} missing from {@code after} are deleted, those of
     * {@code after} that differ are written (one statement each way, whatever the count of rules and tenants).
     */
    void save(List<Revision> revisions) {
        if (revisions.isEmpty()) {
            return;
        }
        entityManager
                .createNativeQuery("INSERT INTO rule_bundle_state (tenant_id, revision, generated_at) "
                        + "SELECT * FROM unnest(CAST(:t AS text[]), CAST(:r AS bigint[]), CAST(:g AS timestamptz[])) "
                        + "ON CONFLICT (tenant_id) DO UPDATE SET revision = EXCLUDED.revision, "
                        + "generated_at = EXCLUDED.generated_at")
                .setParameter("t", revisions.stream().map(Revision::tenantId).toArray(String[]::new))
                .setParameter("r", revisions.stream().map(Revision::revision).toArray(Long[]::new))
                .setParameter(
                        "g",
                        revisions.stream()
                                .map(r -> Timestamp.from(r.generatedAt()))
                                .toArray(Timestamp[]::new))
                .executeUpdate();
        List<String> goneTenants = new ArrayList<>();
        List<Integer> goneNumbers = new ArrayList<>();
        List<String> putTenants = new ArrayList<>();
        List<PublishedRule> put = new ArrayList<>();
        for (Revision revision : revisions) {
            revision.before().keySet().stream()
                    .filter(n -> !revision.after().containsKey(n))
                    .forEach(n -> {
                        goneTenants.add(revision.tenantId());
                        goneNumbers.add(n);
                    });
            revision.after().values().stream()
                    .filter(rule -> !rule.equals(revision.before().get(rule.number())))
                    .forEach(rule -> {
                        putTenants.add(revision.tenantId());
                        put.add(rule);
                    });
        }
        if (!goneTenants.isEmpty()) {
            entityManager
                    .createNativeQuery("DELETE FROM published_rule p USING unnest(CAST(:t AS text[]), "
                            + "CAST(:n AS int[])) AS g (t, n) WHERE p.tenant_id = g.t AND p.number = g.n")
                    .setParameter("t", goneTenants.toArray(String[]::new))
                    .setParameter("n", goneNumbers.toArray(Integer[]::new))
                    .executeUpdate();
        }
        if (put.isEmpty()) {
            return;
        }
        List<String> filterRules = new ArrayList<>(put.size());
        List<String> listed = new ArrayList<>(put.size());
        try {
            for (PublishedRule rule : put) {
                filterRules.add(json.writeValueAsString(rule.filterRule()));
                listed.add(json.writeValueAsString(rule.listed()));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a published rule cannot be written as JSON", e);
        }
        entityManager
                .createNativeQuery("INSERT INTO published_rule (tenant_id, number, advisory_id, in_nftables, "
                        + "filter_rule, listed) SELECT t, n, a, b, CAST(f AS jsonb), CAST(l AS jsonb) "
                        + "FROM unnest(CAST(:t AS text[]), CAST(:n AS int[]), CAST(:a AS text[]), "
                        + "CAST(:b AS boolean[]), CAST(:f AS text[]), CAST(:l AS text[])) AS p (t, n, a, b, f, l) "
                        + "ON CONFLICT (tenant_id, number) DO UPDATE SET advisory_id = EXCLUDED.advisory_id, "
                        + "in_nftables = EXCLUDED.in_nftables, filter_rule = EXCLUDED.filter_rule, "
                        + "listed = EXCLUDED.listed")
                .setParameter("t", putTenants.toArray(String[]::new))
                .setParameter("n", put.stream().map(PublishedRule::number).toArray(Integer[]::new))
                .setParameter("a", put.stream().map(PublishedRule::advisoryId).toArray(String[]::new))
                .setParameter("b", put.stream().map(PublishedRule::inNftables).toArray(Boolean[]::new))
                .setParameter("f", filterRules.toArray(String[]::new))
                .setParameter("l", listed.toArray(String[]::new))
                .executeUpdate();
    }
}
