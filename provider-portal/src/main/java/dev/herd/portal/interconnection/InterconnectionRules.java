package dev.herd.portal.interconnection;

import dev.herd.portal.index.IndexService;
import dev.herd.portal.index.TenantIndices;
import dev.herd.portal.machine.MachineRepository;
import dev.herd.portal.rules.BundleRules;
import dev.herd.portal.rules.FilterRule;
import dev.herd.portal.rules.ProtectedAddresses;
import dev.herd.portal.rules.RuleAction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The interconnection filter rules of a tenant as they should be now: for every DENY decision, a DROP of traffic from
 * the partner's machine addresses to the tenant's own. Numbered {@link #FIRST_NUMBER} + n in partner order, so they
 * never meet the advisory rules (numbered 1, 2, ...). The rule bundle publisher adds them to every bundle.
 */
@ApplicationScoped
public class InterconnectionRules implements BundleRules {

    /** Interconnection rules are numbered from here up; advisory rules stay below. */
    public static final int FIRST_NUMBER = 900_000;

    private final InterconnectionRepository links;
    private final IndexService indices;
    private final MachineRepository machines;

    public InterconnectionRules(InterconnectionRepository links, IndexService indices, MachineRepository machines) {
        this.links = links;
        this.indices = indices;
        this.machines = machines;
    }

    /** A policy with its decision now. */
    public record Evaluated(Interconnection link, InterconnectionDecision decision) {}

    @Transactional(Transactional.TxType.MANDATORY)
    public List<Evaluated> evaluate(String tenantId) {
        List<Interconnection> policies = links.ofTenant(tenantId);
        if (policies.isEmpty()) {
            return List.of();
        }
        Map<String, TenantIndices> byTenant =
                indices.of(policies.stream().map(l -> l.partnerId).toList());
        return policies.stream()
                .map(l -> new Evaluated(l, InterconnectionDecision.of(l, byTenant.get(l.partnerId))))
                .toList();
    }

    /** The rules the tenant's next bundle must hold. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Enforced> current(String tenantId) {
        List<Evaluated> evaluated = evaluate(tenantId);
        if (evaluated.stream().noneMatch(e -> e.decision().verdict() == InterconnectionDecision.Verdict.DENY)) {
            return List.of();
        }
        List<String> own = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (MachineRepository.Addresses machine : machines.addressesOfTenant(tenantId)) {
            List<String> usable = ProtectedAddresses.of(machine.addresses());
            if (!usable.isEmpty()) {
                own.addAll(usable);
                names.add(machine.name());
            }
        }
        List<Enforced> rules = new ArrayList<>();
        for (int n = 0; n < evaluated.size(); n++) {
            Evaluated e = evaluated.get(n);
            if (e.decision().verdict() != InterconnectionDecision.Verdict.DENY) {
                continue;
            }
            List<String> partner = machines.addressesOfTenant(e.link().partnerId).stream()
                    .flatMap(m -> ProtectedAddresses.of(m.addresses()).stream())
                    .toList();
            // Without own addresses there is nothing to protect; without partner addresses nothing to drop (an
            // empty source list would mean "every source").
            if (own.isEmpty() || partner.isEmpty()) {
                continue;
            }
            rules.add(new Enforced(
                    new FilterRule(
                            FIRST_NUMBER + n + 1,
                            "INTERCONNECTION-" + e.link().partnerId,
                            RuleAction.DROP,
                            null,
                            null,
                            null,
                            null,
                            own,
                            partner),
                    List.copyOf(names)));
        }
        return rules;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Enforced> enforce(String tenantId) {
        List<Enforced> rules = current(tenantId);
        links.recordEnforced(tenantId, canonical(rules));
        return rules;
    }

    /** Whether the rules computed now differ from those in the last published bundle. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean changed(String tenantId) {
        return !canonical(current(tenantId)).equals(links.enforced(tenantId).orElse(""));
    }

    static String canonical(List<Enforced> rules) {
        return rules.stream().map(Enforced::rule).map(FilterRule::toString).collect(Collectors.joining("\n"));
    }
}
