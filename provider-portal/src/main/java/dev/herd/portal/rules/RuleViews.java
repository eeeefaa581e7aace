package dev.herd.portal.rules;

import dev.herd.portal.machine.Machine;
import dev.herd.portal.machine.MachineRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds {@link RuleView}s: a rule with its machines, split into protected and unprotected. */
@ApplicationScoped
public class RuleViews {

    private final TenantRuleRepository rules;
    private final MachineRepository machines;

    public RuleViews(TenantRuleRepository rules, MachineRepository machines) {
        this.rules = rules;
        this.machines = machines;
    }

    public List<RuleView> of(List<TenantRule> list) {
        Map<Long, Set<UUID>> machinesOf =
                rules.machinesOf(list.stream().map(r -> r.id).toList());
        Set<UUID> ids = new HashSet<>();
        machinesOf.values().forEach(ids::addAll);
        Map<UUID, Machine> byId =
                machines.byIds(ids).stream().collect(Collectors.toMap(m -> m.id, Function.identity()));
        List<RuleView> views = new ArrayList<>(list.size());
        for (TenantRule rule : list) {
            List<RuleView.ProtectedMachine> covered = new ArrayList<>();
            List<String> unprotected = new ArrayList<>();
            for (UUID id : machinesOf.getOrDefault(rule.id, Set.of())) {
                Machine machine = byId.get(id);
                List<String> addresses = ProtectedAddresses.of(machine);
                if (addresses.isEmpty()) {
                    unprotected.add(machine == null ? id.toString() : machine.name);
                } else {
                    covered.add(new RuleView.ProtectedMachine(id, machine.name, addresses));
                }
            }
            covered.sort(Comparator.comparing(RuleView.ProtectedMachine::name));
            unprotected.sort(null);
            views.add(new RuleView(
                    rule.number,
                    rule.advisoryId,
                    rule.action,
                    rule.protocol,
                    rule.port,
                    rule.rate,
                    rule.signature,
                    rule.description,
                    rule.state,
                    rule.reason,
                    rule.createdAt,
                    rule.deployedAt,
                    rule.withdrawnAt,
                    covered,
                    unprotected));
        }
        return views;
    }

    public RuleView of(TenantRule rule) {
        return of(List.of(rule)).get(0);
    }
}
