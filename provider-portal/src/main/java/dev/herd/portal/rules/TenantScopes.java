package dev.herd.portal.rules;

import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The part of each of several tenants' rules one change can touch, a {@link RuleScope} per tenant. Rules of many
 * tenants are reconciled and published together (a community advisory reaches every exposed tenant at once), so they
 * are read and written with one statement per step whatever the number of tenants: {@link #condition} selects every
 * tenant's scope in one SQL condition.
 */
record TenantScopes(SortedMap<String, RuleScope> byTenant) {

    TenantScopes {
        byTenant = Collections.unmodifiableSortedMap(new TreeMap<>(byTenant));
    }

    static TenantScopes of(String tenantId, RuleScope scope) {
        return new TenantScopes(new TreeMap<>(Map.of(tenantId, scope)));
    }

    /** The rules of these advisories, per tenant. */
    static TenantScopes advisories(Map<String, ? extends Set<String>> advisoriesByTenant) {
        SortedMap<String, RuleScope> scopes = new TreeMap<>();
        advisoriesByTenant.forEach((tenant, advisories) -> scopes.put(tenant, RuleScope.advisories(advisories)));
        return new TenantScopes(scopes);
    }

    /** The tenants, in name order (the order their locks are taken in). */
    Set<String> tenants() {
        return byTenant.keySet();
    }

    RuleScope of(String tenantId) {
        return byTenant.getOrDefault(tenantId, RuleScope.advisories(Set.of()));
    }

    /** Whether no tenant has anything in scope. */
    boolean empty() {
        return byTenant.values().stream().allMatch(RuleScope::empty);
    }

    /** The same tenants, each with its whole rule set when {@code whole} holds for it. */
    TenantScopes widened(Predicate<String> whole) {
        SortedMap<String, RuleScope> scopes = new TreeMap<>();
        byTenant.forEach((tenant, scope) -> scopes.put(tenant, whole.test(tenant) ? RuleScope.wholeTenant() : scope));
        return new TenantScopes(scopes);
    }

    /** The scopes of these tenants only. */
    TenantScopes only(Set<String> tenantIds) {
        SortedMap<String, RuleScope> scopes = new TreeMap<>(byTenant);
        scopes.keySet().retainAll(tenantIds);
        return new TenantScopes(scopes);
    }

    /**
     * An SQL condition true for the rows in scope, given the columns holding the tenant and the advisory; bind its
     * parameters with {@link #bind}. Whole tenants are matched by an array, (tenant, advisory) pairs by a join with
     * {@code unnest}, which the (advisory, tenant) indexes answer; the two are combined with OR only when both occur
     * (an OR of the two keeps PostgreSQL from using either index).
     */
    String condition(String tenantColumn, String advisoryColumn) {
        String whole = tenantColumn + " = ANY(CAST(:scopeWhole AS text[]))";
        String pairs = "(" + tenantColumn + ", " + advisoryColumn + ") IN (SELECT * FROM unnest("
                + "CAST(:scopeTenants AS text[]), CAST(:scopeAdvisories AS text[])))";
        boolean anyWhole = byTenant.values().stream().anyMatch(RuleScope::whole);
        boolean anyPairs = byTenant.values().stream().anyMatch(scope -> !scope.whole() && !scope.empty());
        if (anyWhole && anyPairs) {
            return "(" + whole + " OR " + pairs + ")";
        }
        return anyWhole ? whole : anyPairs ? pairs : "false";
    }

    /** Binds the parameters of {@link #condition}. */
    Query bind(Query query) {
        List<String> whole = new ArrayList<>();
        List<String> tenants = new ArrayList<>();
        List<String> advisories = new ArrayList<>();
        byTenant.forEach((tenant, scope) -> {
            if (scope.whole()) {
                whole.add(tenant);
            } else {
                for (String advisory : scope.advisoryIds()) {
                    tenants.add(tenant);
                    advisories.add(advisory);
                }
            }
        });
        if (!whole.isEmpty()) {
            query.setParameter("scopeWhole", whole.toArray(String[]::new));
        }
        if (!tenants.isEmpty()) {
            query.setParameter("scopeTenants", tenants.toArray(String[]::new))
                    .setParameter("scopeAdvisories", advisories.toArray(String[]::new));
        }
        return query;
    }
}
