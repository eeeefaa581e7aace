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
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns every DEPLOYED rule of a tenant into the next {@link RuleBundle} revision, stores it and hands it to the
 * outbox. The revision is a delta against the previous one (ADR 11: the nftables commands from
 * {@link NftablesRenderer#delta}, the rules put and withdrawn), so what is stored and sent grows with the change; it is
 * full only when there are no published rules ({@link PublishedRuleSetRepository}) to build on, and on a gateway's
 * {@link #republish request}. A change limited to some advisories ({@link RuleScope}) reads and renders their rules
 * only. A rule whose machines have no usable address protects nothing and is left out (its view
 * lists those machines as unprotected). The tenant's interconnection rules ({@link BundleRules}) are added to every
 * revision.
 */
@ApplicationScoped
public class RuleBundlePublisher {

    private final TenantRuleRepository rules;
    private final MachineRepository machines;
    private final RuleBundleRepository bundles;
    private final PublishedRuleSetRepository sets;
    private final Outbox outbox;
    private final BundleRules interconnections;
    private final Event<BundlePublished> published;
    private final NftablesRenderer nftables = new NftablesRenderer();
    private final SuricataRenderer suricata = new SuricataRenderer();

    public RuleBundlePublisher(
            TenantRuleRepository rules,
            MachineRepository machines,
            RuleBundleRepository bundles,
            PublishedRuleSetRepository sets,
            Outbox outbox,
            BundleRules interconnections,
            Event<BundlePublished> published) {
        this.rules = rules;
        this.machines = machines;
        this.bundles = bundles;
        this.sets = sets;
        this.outbox = outbox;
        this.interconnections = interconnections;
        this.published = published;
    }

    /** Fired (synchronously, inside the transaction) after a tenant's bundle revision was stored and enqueued. */
    public record BundlePublished(String tenantId, long revision) {}

    /** Publishes the tenant's next revision, looking at every rule. */
    @Transactional(Transactional.TxType.MANDATORY)
    public RuleBundle publish(String tenantId, Instant now) {
        return publish(tenantId, RuleScope.wholeTenant(), now);
    }

    /**
     * Publishes the tenant's next revision, looking only at the rules in {@code scope} (the others stay as published):
     * what it reads, renders and stores grows with the scope, not with the tenant's rule set. The revision is full,
     * and looks at every rule, when the tenant has no published rules at the revision before.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    RuleBundle publish(String tenantId, RuleScope scope, Instant now) {
        return publish(TenantScopes.of(tenantId, scope), now).get(tenantId);
    }

    /**
     * As {@link #publish(String, RuleScope, Instant)} for several tenants at once (their locks taken): the next
     * revision of each, read, stored and enqueued with one statement per step for all of them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Map<String, RuleBundle> publish(TenantScopes scopes, Instant now) {
        Map<String, Long> revisions = rules.nextRevisions(scopes.tenants());
        Map<String, Long> held = sets.revisions(scopes.tenants());
        Set<String> full = scopes.tenants().stream()
                .filter(tenant -> !Objects.equals(held.get(tenant), revisions.get(tenant) - 1))
                .collect(Collectors.toSet());
        TenantScopes looked = scopes.widened(full::contains);
        Map<String, Map<Integer, PublishedRule>> before = sets.rules(looked);
        Map<String, Map<Integer, PublishedRule>> after = render(looked);
        Map<String, Set<Integer>> outside = sets.nftablesNumbersOutside(looked);
        Map<String, RuleBundle> published = new TreeMap<>();
        List<PublishedRuleSetRepository.Revision> moves = new ArrayList<>();
        for (String tenantId : scopes.tenants()) {
            long revision = revisions.get(tenantId);
            Map<Integer, PublishedRule> was = before.get(tenantId);
            Map<Integer, PublishedRule> is = after.get(tenantId);
            published.put(
                    tenantId,
                    full.contains(tenantId)
                            ? FullRuleBundle.of(new PublishedRuleSet(
                                    tenantId, revision, now, filterRules(is.values()), listed(is.values())))
                            : RuleBundle.delta(
                                    tenantId,
                                    revision,
                                    now,
                                    held.get(tenantId),
                                    nftables.delta(
                                            filterRules(was.values()), filterRules(is.values()), outside.get(tenantId)),
                                    BundleChanges.between(listed(was.values()), listed(is.values()))));
            moves.add(new PublishedRuleSetRepository.Revision(tenantId, revision, now, was, is));
        }
        sets.save(moves);
        bundles.save(List.copyOf(published.values()));
        for (RuleBundle bundle : published.values()) {
            outbox.enqueue(RuleBundle.ADDRESS, bundle.tenantId(), bundle);
            this.published.fire(new BundlePublished(bundle.tenantId(), bundle.revision()));
        }
        return published;
    }

    /**
     * The deployed rules in each tenant's scope as published, by tenant and number; with the interconnection rules for
     * a tenant whose scope is every rule.
     */
    private Map<String, Map<Integer, PublishedRule>> render(TenantScopes scopes) {
        List<TenantRule> deployed = rules.deployed(scopes);
        Map<Long, Set<UUID>> machinesOf =
                rules.machinesOf(deployed.stream().map(r -> r.id).toList());
        Set<UUID> machineIds = new HashSet<>();
        machinesOf.values().forEach(machineIds::addAll);
        Map<UUID, Machine> machineById =
                machines.copiesOf(machineIds).stream().collect(Collectors.toMap(m -> m.id, Function.identity()));
        Map<UUID, List<String>> addressesOf = new HashMap<>();
        Map<String, Map<Integer, PublishedRule>> rendered = new HashMap<>();
        scopes.tenants().forEach(tenant -> rendered.put(tenant, new TreeMap<>()));
        for (TenantRule rule : deployed) {
            List<String> addresses = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (UUID machineId : machinesOf.getOrDefault(rule.id, Set.of())) {
                Machine machine = machineById.get(machineId);
                List<String> usable = addressesOf.computeIfAbsent(machineId, id -> ProtectedAddresses.of(machine));
                if (!usable.isEmpty()) {
                    addresses.addAll(usable);
                    names.add(machine.name);
                }
            }
            if (addresses.isEmpty()) {
                continue;
            }
            names.sort(null);
            FilterRule filterRule = rule.toFilterRule(addresses);
            rendered.get(rule.tenantId)
                    .put(
                            rule.number,
                            new PublishedRule(
                                    rule.number,
                                    rule.advisoryId,
                                    filterRule,
                                    new RuleBundle.Rule(
                                            rule.number,
                                            rule.advisoryId,
                                            rule.action.name(),
                                            rule.protocol,
                                            rule.port,
                                            rule.signature,
                                            names,
                                            suricata.rule(filterRule))));
        }
        for (String tenantId : scopes.tenants()) {
            if (scopes.of(tenantId).whole()) {
                addInterconnectionRules(tenantId, rendered.get(tenantId));
            }
        }
        return rendered;
    }

    /** DESIGN §3.6: the tenant's interconnection DENY decisions, numbered apart from the advisory rules. */
    private void addInterconnectionRules(String tenantId, Map<Integer, PublishedRule> rendered) {
        for (BundleRules.Enforced enforced : interconnections.enforce(tenantId)) {
            FilterRule rule = enforced.rule();
            rendered.put(
                    rule.number(),
                    new PublishedRule(
                            rule.number(),
                            rule.advisoryId(),
                            rule,
                            new RuleBundle.Rule(
                                    rule.number(),
                                    rule.advisoryId(),
                                    rule.action().name(),
                                    null,
                                    null,
                                    null,
                                    enforced.machineNames())));
        }
    }

    private static List<FilterRule> filterRules(Collection<PublishedRule> rules) {
        return rules.stream().map(PublishedRule::filterRule).toList();
    }

    private static List<RuleBundle.Rule> listed(Collection<PublishedRule> rules) {
        return rules.stream().map(PublishedRule::listed).toList();
    }

    /**
     * Sends the full bundle of the tenant's current revision again, for a gateway that cannot apply the next delta
     * (a {@link dev.herd.contracts.delivery.RuleBundleRequest}); nothing is stored, the revision stays. False when the
     * tenant has no rule set to send.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean republish(String tenantId) {
        // Taken after the tenant's lock, so no revision being published meanwhile can overtake the full one.
        rules.lock(tenantId);
        Optional<RuleBundle> current = bundles.latest(tenantId);
        current.ifPresent(full -> outbox.enqueue(RuleBundle.ADDRESS, tenantId, full));
        return current.isPresent();
    }
}
