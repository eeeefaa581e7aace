package dev.herd.portal.rules;

import dev.herd.contracts.problem.HerdException;
import dev.herd.portal.advisory.KnownAdvisory;
import dev.herd.portal.advisory.KnownAdvisoryRepository;
import dev.herd.portal.diagnosis.DiagnosisService;
import dev.herd.portal.machine.Machine;
import dev.herd.portal.machine.MachineRepository;
import dev.herd.portal.policy.PolicyRepository;
import dev.herd.portal.policy.TenantPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The lifecycle of a tenant's filter rules: proposed from open findings, deployed (at once when the filtering
 * policy says so, otherwise by a tenant admin), kept in line with the affected machines, withdrawn when the
 * findings they stand for are closed. Every change to the deployed rules publishes a new rule bundle.
 */
@ApplicationScoped
public class RuleService {

    private static final String DEPLOYED_AT_ONCE =
            "deployed at once: the filtering policy protects this advisory immediately";

    private final TenantRuleRepository rules;
    private final RuleFindings findings;
    private final MachineRepository machines;
    private final KnownAdvisoryRepository advisories;
    private final PolicyRepository policies;
    private final FindingProtection protection;
    private final RuleBundlePublisher publisher;

    public RuleService(
            TenantRuleRepository rules,
            RuleFindings findings,
            MachineRepository machines,
            KnownAdvisoryRepository advisories,
            PolicyRepository policies,
            FindingProtection protection,
            RuleBundlePublisher publisher) {
        this.rules = rules;
        this.findings = findings;
        this.machines = machines;
        this.advisories = advisories;
        this.policies = policies;
        this.protection = protection;
        this.publisher = publisher;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onFindingsChanged(@Observes DiagnosisService.FindingsChanged event) {
        String tenantId = event.tenantId();
        rules.lock(tenantId);
        if (event.wholeTenant()) {
            reconcile(TenantScopes.of(tenantId, RuleScope.wholeTenant()), false);
            return;
        }
        Set<String> advisoryIds = new HashSet<>(event.advisoryIds());
        if (!event.machineIds().isEmpty()) {
            // the rules of these machines' findings, and the rules that list them (their findings may have closed)
            advisoryIds.addAll(findings.advisoriesOn(tenantId, event.machineIds()));
            advisoryIds.addAll(rules.advisoriesProtecting(tenantId, event.machineIds()));
        }
        reconcile(TenantScopes.of(tenantId, RuleScope.advisories(advisoryIds)), false);
    }

    /**
     * As {@link #reconcile(String, boolean)} for the rules of some advisories of several tenants at once (queued by
     * {@link PreventionQueue}); publishes a revision for each tenant whose deployed rules changed. The statements are
     * the same for one tenant or a hundred: what grows with the tenants is the rows.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void reconcile(TenantScopes scopes) {
        reconcile(scopes, false);
    }

    /**
     * Brings the tenant's rules in line with its open filter findings, moves covered findings to MITIGATED (and
     * uncovered ones back to OPEN), and publishes a bundle when the deployed rules changed or {@code publish} is set.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reconcile(String tenantId, boolean publish) {
        reconcile(TenantScopes.of(tenantId, RuleScope.wholeTenant()), publish);
    }

    /**
     * As {@link #reconcile(String, boolean)} for the rules of each tenant's scope only: rules are drafted per
     * advisory, so the others cannot change. Every tenant's rules are read, drafted in memory and written with one
     * statement per step for all tenants.
     */
    private void reconcile(TenantScopes scopes, boolean publish) {
        rules.lock(scopes.tenants());
        if (scopes.empty() && !publish) {
            return;
        }
        Instant now = Instant.now();
        Map<String, List<FilterFinding>> openByTenant = findings.of(scopes);
        List<FilterFinding> open =
                openByTenant.values().stream().flatMap(List::stream).toList();
        Map<UUID, Machine> machineById =
                machines.copiesOf(open.stream().map(FilterFinding::machineId).collect(Collectors.toSet())).stream()
                        .collect(Collectors.toMap(m -> m.id, Function.identity()));
        Set<String> advisoryIds = open.stream().map(FilterFinding::advisoryId).collect(Collectors.toSet());
        Map<String, KnownAdvisory> advisoryById = advisoryIds.isEmpty()
                ? Map.of()
                : advisories.list("id in ?1", advisoryIds).stream()
                        .collect(Collectors.toMap(a -> a.id, Function.identity()));
        Map<String, TenantPolicy> policyOf = policies.of(scopes.tenants());
        List<TenantRule> known = new ArrayList<>(rules.matchable(scopes));
        Map<Long, Set<UUID>> machinesOf =
                rules.machinesOf(known.stream().map(r -> r.id).toList());
        Map<String, List<TenantRule>> knownByTenant = known.stream().collect(Collectors.groupingBy(r -> r.tenantId));

        Set<String> changed = new TreeSet<>(publish ? scopes.tenants() : Set.of());
        Map<TenantRule, Set<UUID>> fresh = new LinkedHashMap<>(); // new rules (compared by identity), their machines
        List<TenantRuleRepository.MachineChange> machineChanges = new ArrayList<>();
        for (String tenantId : scopes.tenants()) {
            Map<RuleDraft.Key, RuleDraft> drafts =
                    RuleDrafter.draft(openByTenant.get(tenantId), machineById, advisoryById);
            Map<RuleDraft.Key, TenantRule> byKey = new HashMap<>();
            for (TenantRule rule : knownByTenant.getOrDefault(tenantId, List.of())) {
                // a live rule wins over one withdrawn by hand for the same advisory and mitigation
                byKey.merge(
                        new RuleDraft.Key(rule.advisoryId, rule.ruleKey),
                        rule,
                        (a, b) -> a.state != RuleState.WITHDRAWN ? a : b);
            }
            for (RuleDraft draft : drafts.values()) {
                TenantRule rule = byKey.remove(draft.key());
                boolean deploys = deploysAtOnce(advisoryById.get(draft.advisoryId()), policyOf.get(tenantId));
                if (rule == null) {
                    fresh.put(propose(tenantId, draft, deploys, now), draft.machines());
                    if (deploys) {
                        changed.add(tenantId);
                    }
                    continue;
                }
                if (rule.state == RuleState.WITHDRAWN) {
                    continue; // withdrawn by hand: not proposed again
                }
                Set<UUID> before = machinesOf.getOrDefault(rule.id, Set.of());
                if (!before.equals(draft.machines())) {
                    machineChanges.add(new TenantRuleRepository.MachineChange(rule, before, draft.machines()));
                    machinesOf.put(rule.id, new LinkedHashSet<>(draft.machines()));
                    if (rule.state == RuleState.DEPLOYED) {
                        changed.add(tenantId);
                    }
                }
                if (rule.state == RuleState.PROPOSED && deploys) {
                    markDeployed(rule, DEPLOYED_AT_ONCE, now);
                    changed.add(tenantId);
                }
            }
            for (TenantRule stale : byKey.values()) {
                if (stale.state != RuleState.WITHDRAWN) {
                    if (stale.state == RuleState.DEPLOYED) {
                        changed.add(tenantId);
                    }
                    markWithdrawn(stale, "no open finding needs it any more: the findings it covered are closed", now);
                }
            }
        }
        store(fresh, machineChanges, machinesOf);
        known.addAll(fresh.keySet());
        List<TenantRule> deployed =
                known.stream().filter(r -> r.state == RuleState.DEPLOYED).toList();
        protection.apply(open, deployed, machinesOf, machineById, now);
        if (!changed.isEmpty()) {
            publisher.publish(scopes.only(changed), now);
        }
    }

    /** Numbers and stores the new rules, and moves every rule's machines, with one statement each for all tenants. */
    private void store(
            Map<TenantRule, Set<UUID>> fresh,
            List<TenantRuleRepository.MachineChange> machineChanges,
            Map<Long, Set<UUID>> machinesOf) {
        Map<String, Integer> counts = new TreeMap<>();
        fresh.keySet().forEach(rule -> counts.merge(rule.tenantId, 1, Integer::sum));
        Map<String, Integer> next = new HashMap<>(rules.nextRuleNumbers(counts));
        for (TenantRule rule : fresh.keySet()) {
            rule.number = next.merge(rule.tenantId, 1, Integer::sum) - 1;
        }
        rules.insert(List.copyOf(fresh.keySet()));
        fresh.forEach((rule, ruleMachines) -> {
            machineChanges.add(new TenantRuleRepository.MachineChange(rule, Set.of(), ruleMachines));
            machinesOf.put(rule.id, new LinkedHashSet<>(ruleMachines));
        });
        rules.changeMachines(machineChanges);
    }

    /** Deploys a proposed rule by hand. */
    @Transactional
    public TenantRule deploy(String tenantId, int number, String by) {
        rules.lock(tenantId);
        TenantRule rule = find(tenantId, number);
        if (rule.state != RuleState.PROPOSED) {
            throw HerdException.conflict(
                    "rule-not-proposed", "Rule " + number + " is " + rule.state + "; only a PROPOSED rule deploys.");
        }
        markDeployed(rule, "deployed by " + by, Instant.now());
        reconcile(tenantId, true);
        return rule;
    }

    /** Withdraws a proposed or deployed rule by hand; it is not proposed again for the same mitigation. */
    @Transactional
    public TenantRule withdraw(String tenantId, int number, String by, String reason) {
        rules.lock(tenantId);
        TenantRule rule = find(tenantId, number);
        if (rule.state == RuleState.WITHDRAWN) {
            throw HerdException.conflict("rule-withdrawn", "Rule " + number + " is withdrawn already.");
        }
        boolean wasDeployed = rule.state == RuleState.DEPLOYED;
        markWithdrawn(rule, "withdrawn by " + by + ": " + reason, Instant.now());
        rule.withdrawnByHand = true;
        reconcile(tenantId, wasDeployed);
        return rule;
    }

    TenantRule find(String tenantId, int number) {
        return rules.byNumber(tenantId, number)
                .orElseThrow(() -> HerdException.notFound("rule-not-found", "No rule " + number + " in this tenant."));
    }

    /**
     * Whether a rule deploys without waiting for an admin: the advisory is known-exploited and the policy filters
     * those, or it is at or above the policy's emergency level. Rules proposed only because of the CVSS threshold
     * wait for a tenant admin.
     */
    static boolean deploysAtOnce(KnownAdvisory advisory, TenantPolicy policy) {
        if (advisory == null) {
            return false;
        }
        TenantPolicy.Filtering filtering = policy.filtering();
        return (filtering.knownExploited() && advisory.knownExploited)
                || advisory.emergencyLevel >= Math.max(1, filtering.minEmergencyLevel());
    }

    /** A new rule for the draft, not stored yet ({@link #store}); deployed at once when the policy says so. */
    private static TenantRule propose(String tenantId, RuleDraft draft, boolean deploys, Instant now) {
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
            markDeployed(rule, DEPLOYED_AT_ONCE, now);
        }
        return rule;
    }

    private static void markDeployed(TenantRule rule, String reason, Instant now) {
        rule.state = RuleState.DEPLOYED;
        rule.deployedAt = now;
        rule.reason = reason;
    }

    private static void markWithdrawn(TenantRule rule, String reason, Instant now) {
        rule.state = RuleState.WITHDRAWN;
        rule.withdrawnAt = now;
        rule.reason = reason;
    }
}
