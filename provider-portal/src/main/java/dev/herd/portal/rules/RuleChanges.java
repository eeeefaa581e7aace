package dev.herd.portal.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * What one reconcile changes in the rules, gathered tenant by tenant before anything is written
 * ({@link RuleService}): the new rules with their machines, the rules whose machines move, and the tenants whose
 * deployed rules changed. Existing rules are marked deployed or withdrawn as they are matched (managed entities: the
 * flush writes them); {@code machinesOf} is kept up to date with what the rules will list.
 */
final class RuleChanges {

    static final String DEPLOYED_AT_ONCE = "deployed at once: the filtering policy protects this advisory immediately";

    private final Map<Long, Set<UUID>> machinesOf;
    private final Instant now;
    private final Set<String> changedTenants = new TreeSet<>();
    private final Map<TenantRule, Set<UUID>> fresh = new LinkedHashMap<>(); // by identity: not stored, no id yet
    private final List<TenantRuleRepository.MachineChange> machineChanges = new ArrayList<>();

    RuleChanges(Map<Long, Set<UUID>> machinesOf, Instant now) {
        this.machinesOf = machinesOf;
        this.now = now;
    }

    /**
     * Matches the tenant's drafts with the rules it has for the same advisories: a draft without a rule becomes a new
     * one (deployed at once when {@code deploysAtOnce} says so of its advisory), a rule whose machines differ from its
     * draft's moves, a proposed rule the policy now deploys is deployed, and a live rule no draft calls for is
     * withdrawn. A rule withdrawn by hand is never proposed again.
     */
    void match(String tenantId, Collection<RuleDraft> drafts, List<TenantRule> known, Predicate<String> deploysAtOnce) {
        Map<RuleDraft.Key, TenantRule> byKey = new HashMap<>();
        for (TenantRule rule : known) {
            // a live rule wins over one withdrawn by hand for the same advisory and mitigation
            byKey.merge(
                    new RuleDraft.Key(rule.advisoryId, rule.ruleKey),
                    rule,
                    (a, b) -> a.state != RuleState.WITHDRAWN ? a : b);
        }
        for (RuleDraft draft : drafts) {
            TenantRule rule = byKey.remove(draft.key());
            boolean deploys = deploysAtOnce.test(draft.advisoryId());
            if (rule == null) {
                fresh.put(propose(tenantId, draft, deploys), draft.machines());
                if (deploys) {
                    changedTenants.add(tenantId);
                }
            } else if (rule.state != RuleState.WITHDRAWN) {
                follow(rule, draft, deploys);
            }
        }
        for (TenantRule stale : byKey.values()) {
            if (stale.state != RuleState.WITHDRAWN) {
                if (stale.state == RuleState.DEPLOYED) {
                    changedTenants.add(tenantId);
                }
                stale.markWithdrawn("no open finding needs it any more: the findings it covered are closed", now);
            }
        }
    }

    /** An existing live rule follows its draft: its machines, and deployment when the policy now asks for it. */
    private void follow(TenantRule rule, RuleDraft draft, boolean deploys) {
        Set<UUID> before = machinesOf.getOrDefault(rule.id, Set.of());
        if (!before.equals(draft.machines())) {
            machineChanges.add(new TenantRuleRepository.MachineChange(rule, before, draft.machines()));
            machinesOf.put(rule.id, new LinkedHashSet<>(draft.machines()));
            if (rule.state == RuleState.DEPLOYED) {
                changedTenants.add(rule.tenantId);
            }
        }
        if (rule.state == RuleState.PROPOSED && deploys) {
            rule.markDeployed(DEPLOYED_AT_ONCE, now);
            changedTenants.add(rule.tenantId);
        }
    }

    /** A new rule for the draft, not stored yet; deployed at once when the policy says so. */
    private TenantRule propose(String tenantId, RuleDraft draft, boolean deploys) {
        TenantRule rule = new TenantRule();
        rule.tenantId = tenantId;
        rule.advisoryId = draft.advisoryId();
        rule.ruleKey = draft.ruleKey();
        rule.action = RuleAction.DROP;
        rule.protocol = draft.protocol();
        rule.port = draft.port();
        rule.signature = draft.signature();
        rule.sourceAddress = draft.sourceAddress();
        rule.description = draft.description();
        rule.state = RuleState.PROPOSED;
        rule.createdAt = now;
        rule.reason = "proposed for the open findings of " + draft.advisoryId();
        if (deploys) {
            rule.markDeployed(DEPLOYED_AT_ONCE, now);
        }
        return rule;
    }

    /** The new rules with the machines each must list. */
    Map<TenantRule, Set<UUID>> fresh() {
        return fresh;
    }

    List<TenantRuleRepository.MachineChange> machineChanges() {
        return machineChanges;
    }

    /** The tenants whose deployed rules changed: they publish a revision. */
    Set<String> changedTenants() {
        return changedTenants;
    }
}
