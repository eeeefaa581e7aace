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

        RuleChanges changes = new RuleChanges(machinesOf, now);
        for (String tenantId : scopes.tenants()) {
            TenantPolicy policy = policyOf.get(tenantId);
            changes.match(
                    tenantId,
                    RuleDrafter.draft(openByTenant.get(tenantId), machineById, advisoryById)
                            .values(),
                    knownByTenant.getOrDefault(tenantId, List.of()),
                    advisory -> deploysAtOnce(advisoryById.get(advisory), policy));
        }
        store(changes, machinesOf);
        known.addAll(changes.fresh().keySet());
        List<TenantRule> deployed =
                known.stream().filter(r -> r.state == RuleState.DEPLOYED).toList();
        protection.apply(open, deployed, machinesOf, machineById, now);
        Set<String> changed = new TreeSet<>(changes.changedTenants());
        if (publish) {
            changed.addAll(scopes.tenants());
        }
        if (!changed.isEmpty()) {
            publisher.publish(scopes.only(changed), now);
        }
    }

    /** Numbers and stores the new rules, and moves every rule's machines, with one statement each for all tenants. */
    private void store(RuleChanges changes, Map<Long, Set<UUID>> machinesOf) {
        Map<String, Integer> counts = new TreeMap<>();
        changes.fresh().keySet().forEach(rule -> counts.merge(rule.tenantId, 1, Integer::sum));
        Map<String, Integer> next = new HashMap<>(rules.nextRuleNumbers(counts));
        for (TenantRule rule : changes.fresh().keySet()) {
            rule.number = next.merge(rule.tenantId, 1, Integer::sum) - 1;
        }
        rules.insert(List.copyOf(changes.fresh().keySet()));
        List<TenantRuleRepository.MachineChange> machineChanges = new ArrayList<>(changes.machineChanges());
        changes.fresh().forEach((rule, ruleMachines) -> {
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
        rule.markDeployed("deployed by " + by, Instant.now());
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
        rule.markWithdrawn("withdrawn by " + by + ": " + reason, Instant.now());
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
}
