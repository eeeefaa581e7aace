package dev.herd.portal.rules;

import dev.herd.contracts.delivery.RuleBundle;
import dev.herd.contracts.outbox.Outbox;
import dev.herd.portal.machine.Machine;
import dev.herd.portal.machine.MachineRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Renders every DEPLOYED rule of a tenant into the next {@link RuleBundle} revision (full nftables ruleset, Suricata
 * rules), stores it and hands it to the outbox. A rule whose machines have no usable address protects nothing and is
 * left out of the rendered text (its view lists those machines as unprotected). The tenant's interconnection rules
 * ({@link BundleRules}) are added to every revision.
 */
@ApplicationScoped
public class RuleBundlePublisher {

    private final TenantRuleRepository rules;
    private final MachineRepository machines;
    private final RuleBundleRepository bundles;
    private final Outbox outbox;
    private final BundleRules interconnections;
    private final Event<BundlePublished> published;
    private final NftablesRenderer nftables = new NftablesRenderer();
    private final SuricataRenderer suricata = new SuricataRenderer();

    public RuleBundlePublisher(
            TenantRuleRepository rules,
            MachineRepository machines,
            RuleBundleRepository bundles,
            Outbox outbox,
            BundleRules interconnections,
            Event<BundlePublished> published) {
        this.rules = rules;
        this.machines = machines;
        this.bundles = bundles;
        this.outbox = outbox;
        this.interconnections = interconnections;
        this.published = published;
    }

    /** Fired (synchronously, inside the transaction) after a tenant's bundle revision was stored and enqueued. */
    public record BundlePublished(String tenantId, long revision) {}

    @Transactional(Transactional.TxType.MANDATORY)
    public RuleBundle publish(String tenantId, Instant now) {
        List<TenantRule> deployed = rules.ofTenant(tenantId, RuleState.DEPLOYED);
        Map<Long, Set<UUID>> machinesOf =
                rules.machinesOf(deployed.stream().map(r -> r.id).toList());
        Set<UUID> machineIds = new HashSet<>();
        machinesOf.values().forEach(machineIds::addAll);
        Map<UUID, Machine> machineById =
                machines.byIds(machineIds).stream().collect(Collectors.toMap(m -> m.id, Function.identity()));
        List<FilterRule> rendered = new ArrayList<>();
        List<RuleBundle.Rule> listed = new ArrayList<>();
        for (TenantRule rule : deployed) {
            List<String> addresses = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (UUID machineId : machinesOf.getOrDefault(rule.id, Set.of())) {
                Machine machine = machineById.get(machineId);
                List<String> usable = ProtectedAddresses.of(machine);
                if (!usable.isEmpty()) {
                    addresses.addAll(usable);
                    names.add(machine.name);
                }
            }
            if (addresses.isEmpty()) {
                continue;
            }
            names.sort(null);
            rendered.add(rule.toFilterRule(addresses));
            listed.add(new RuleBundle.Rule(
                    rule.number, rule.advisoryId, rule.action.name(), rule.protocol, rule.port, rule.signature, names));
        }
        // DESIGN §3.6: the tenant's interconnection DENY decisions, numbered apart from the advisory rules
        for (BundleRules.Enforced enforced : interconnections.enforce(tenantId)) {
            FilterRule rule = enforced.rule();
            rendered.add(rule);
            listed.add(new RuleBundle.Rule(
                    rule.number(), rule.advisoryId(), rule.action().name(), null, null, null, enforced.machineNames()));
        }
        RuleBundle bundle = new RuleBundle(
                tenantId,
                rules.nextRevision(tenantId),
                now,
                listed,
                nftables.full(tenantId, rendered),
                suricata.rules(rendered));
        bundles.save(bundle);
        outbox.enqueue(RuleBundle.ADDRESS, tenantId, bundle);
        published.fire(new BundlePublished(tenantId, bundle.revision()));
        return bundle;
    }
}
