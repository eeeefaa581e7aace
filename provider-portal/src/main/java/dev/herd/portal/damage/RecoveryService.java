package dev.herd.portal.damage;

import dev.herd.contracts.isolation.IsolationOrder;
import dev.herd.contracts.isolation.IsolationOrder.PlaybookStep;
import dev.herd.contracts.isolation.OrderStatus;
import dev.herd.contracts.problem.HerdException;
import dev.herd.portal.machine.Machine;
import dev.herd.portal.machine.MachineRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The recovery of a damage case (DESIGN §3.4): a playbook ordered at the case's isolation point, then — once the
 * broker applied it — the damaged machines must stay quiet for the quiet period before the isolation is lifted; new
 * damage sends the case back to ISOLATED. Every step goes into the case's history.
 */
@ApplicationScoped
public class RecoveryService {

    private final DamageCaseRepository cases;
    private final IsolationOrderPublisher orders;
    private final RecoveryPlaybook playbooks;
    private final DamageSettingsRepository settings;
    private final MachineRepository machines;
    private final RecoveryConfig config;

    public RecoveryService(
            DamageCaseRepository cases,
            IsolationOrderPublisher orders,
            RecoveryPlaybook playbooks,
            DamageSettingsRepository settings,
            MachineRepository machines,
            RecoveryConfig config) {
        this.cases = cases;
        this.orders = orders;
        this.playbooks = playbooks;
        this.settings = settings;
        this.machines = machines;
        this.config = config;
    }

    /** Orders the recovery of an OPEN or ISOLATED case; {@code playbook} null for the default one. */
    @Transactional
    public IsolationOrder recover(String tenantId, UUID caseId, List<PlaybookStep> playbook, String by) {
        List<PlaybookStep> given = playbook == null ? null : RecoveryPlaybook.checked(playbook);
        DamageCase damage = cases.lock(tenantId, caseId)
                .orElseThrow(() -> HerdException.notFound("damage-case-not-found", "No damage case " + caseId + "."));
        if (!damage.state().recoverable()) {
            throw HerdException.conflict(
                    "damage-case-not-recoverable",
                    "Damage case " + caseId + " is " + damage.state() + "; only an OPEN or ISOLATED case recovers.");
        }
        if (damage.isolationPoint() == null) {
            throw HerdException.conflict(
                    "damage-case-not-isolated",
                    "Damage case " + caseId + " has no isolation point to recover at: " + damage.isolationNote());
        }
        List<DamageEvent> events = cases.events(tenantId, caseId);
        Map<UUID, Machine> fleet = fleet(tenantId);
        List<PlaybookStep> steps = given != null ? given : playbooks.defaults(tenantId, events, fleet);
        if (steps.isEmpty()) {
            throw HerdException.badRequest(
                    "playbook-required",
                    "The evidence of damage case " + caseId + " suggests no recovery step; give a playbook.");
        }
        IsolationOrder order = orders.recover(
                tenantId,
                caseId,
                damage.isolationPoint(),
                scope(tenantId, damage, events, fleet, "Recovery of damage case " + caseId + " ordered by " + by),
                steps);
        cases.moveTo(
                tenantId,
                caseId,
                CaseState.RECOVERING,
                "recovery ordered by " + by + (given == null ? " (default playbook)" : "") + ": "
                        + steps.stream().map(s -> s.action() + " " + s.target()).collect(Collectors.joining(", ")),
                Instant.now(),
                null);
        return order;
    }

    /** Moves the case on when the broker applied (or gave up on) its RECOVER or UNISOLATE order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void orderStatus(OrderStatus status, IsolationOrderRepository.OrderOfCase order) {
        DamageCase damage = cases.lock(status.tenantId(), order.caseId()).orElseThrow();
        boolean applied = status.state() == OrderStatus.State.APPLIED || status.state() == OrderStatus.State.CONFIRMED;
        boolean escalated = status.state() == OrderStatus.State.ESCALATED;
        String detail = status.detail() == null || status.detail().isBlank() ? "" : " (" + status.detail() + ")";
        Instant now = Instant.now();
        if (order.kind() == IsolationOrder.Kind.RECOVER && damage.state() == CaseState.RECOVERING) {
            if (applied) {
                cases.moveTo(
                        status.tenantId(),
                        damage.id(),
                        CaseState.CONFIRMING,
                        "recovery applied" + detail + "; the isolation is lifted after " + config.quietPeriod()
                                + " without new damage",
                        now,
                        status.at());
            } else if (escalated) {
                cases.moveTo(
                        status.tenantId(),
                        damage.id(),
                        CaseState.ISOLATED,
                        "recovery failed" + detail + "; the machines stay isolated",
                        now,
                        null);
            }
        } else if (order.kind() == IsolationOrder.Kind.UNISOLATE && damage.state() == CaseState.UNISOLATING) {
            if (applied) {
                cases.moveTo(status.tenantId(), damage.id(), CaseState.CLOSED, "isolation lifted" + detail, now, null);
            } else if (escalated) {
                cases.moveTo(
                        status.tenantId(),
                        damage.id(),
                        CaseState.UNISOLATING,
                        "lifting the isolation failed" + detail + "; the machines are still isolated",
                        now,
                        null);
            }
        }
    }

    /**
     * Checks a CONFIRMING case: new damage since the recovery was applied sends it back to ISOLATED; a quiet period
     * without any lifts the isolation.
     */
    @Transactional
    public void confirm(String tenantId, UUID caseId, Instant now) {
        DamageCase damage = cases.lock(tenantId, caseId).orElse(null);
        if (damage == null || damage.state() != CaseState.CONFIRMING || damage.recoveryAppliedAt() == null) {
            return;
        }
        Instant applied = damage.recoveryAppliedAt();
        List<DamageEvent> events = cases.events(tenantId, caseId);
        List<DamageEvent> since =
                events.stream().filter(e -> e.at().isAfter(applied)).toList();
        Map<UUID, Machine> fleet = fleet(tenantId);
        if (!since.isEmpty()) {
            cases.moveTo(
                    tenantId,
                    caseId,
                    CaseState.ISOLATED,
                    "recovery not confirmed: " + since.size() + " detection(s) since it was applied at " + applied
                            + " (" + describe(since, fleet) + "); the machines stay isolated",
                    now,
                    null);
            return;
        }
        if (now.isBefore(applied.plus(config.quietPeriod()))) {
            return;
        }
        orders.unisolate(
                tenantId,
                caseId,
                damage.isolationPoint(),
                scope(
                        tenantId,
                        damage,
                        events,
                        fleet,
                        "Recovery of damage case " + caseId + " confirmed: no damage for " + config.quietPeriod()));
        cases.moveTo(
                tenantId,
                caseId,
                CaseState.UNISOLATING,
                "recovery confirmed: no signature hit, divergence or malware for " + config.quietPeriod() + " since "
                        + applied + "; lifting the isolation",
                now,
                null);
    }

    /**
     * Confirms the recovery of a CONFIRMING case by hand, before its quiet period ends: the isolation is lifted now. A
     * case in another state is 409; damage seen since the recovery was applied is 409 too (the case stays as it is).
     */
    @Transactional
    public void confirmByHand(String tenantId, UUID caseId, String by) {
        DamageCase damage = cases.lock(tenantId, caseId)
                .orElseThrow(() -> HerdException.notFound("damage-case-not-found", "No damage case " + caseId + "."));
        if (damage.state() != CaseState.CONFIRMING || damage.recoveryAppliedAt() == null) {
            throw HerdException.conflict(
                    "damage-case-not-confirming",
                    "Damage case " + caseId + " is " + damage.state()
                            + "; only a case whose recovery was applied (CONFIRMING) is confirmed.");
        }
        Instant applied = damage.recoveryAppliedAt();
        List<DamageEvent> events = cases.events(tenantId, caseId);
        Map<UUID, Machine> fleet = fleet(tenantId);
        List<DamageEvent> since =
                events.stream().filter(e -> e.at().isAfter(applied)).toList();
        if (!since.isEmpty()) {
            throw HerdException.conflict(
                    "damage-since-recovery",
                    "Damage case " + caseId + " has " + since.size()
                            + " detection(s) since its recovery was applied at " + applied + " ("
                            + describe(since, fleet) + "); it cannot be confirmed.");
        }
        orders.unisolate(
                tenantId,
                caseId,
                damage.isolationPoint(),
                scope(tenantId, damage, events, fleet, "Recovery of damage case " + caseId + " confirmed by " + by));
        cases.moveTo(
                tenantId,
                caseId,
                CaseState.UNISOLATING,
                "recovery confirmed by " + by + " (before the quiet period of " + config.quietPeriod()
                        + " ended); lifting the isolation",
                Instant.now(),
                null);
    }

    private IsolationOrderPublisher.Scope scope(
            String tenantId, DamageCase damage, List<DamageEvent> events, Map<UUID, Machine> fleet, String reason) {
        Set<UUID> damaged = CaseAssessor.damaged(events);
        String mail = settings.of(tenantId).contactMail();
        return new IsolationOrderPublisher.Scope(
                String.join(",", damage.range()),
                CaseAssessor.targets(damaged, fleet),
                null,
                0,
                mail == null ? List.of() : List.of(mail),
                reason + ".");
    }

    private Map<UUID, Machine> fleet(String tenantId) {
        return machines.ofTenant(tenantId).stream().collect(Collectors.toMap(m -> m.id, Function.identity()));
    }

    private static String describe(List<DamageEvent> events, Map<UUID, Machine> fleet) {
        return events.stream()
                .map(e -> e.kind() + (e.indicator() == null ? "" : " " + e.indicator()) + " on "
                        + (fleet.containsKey(e.machineId()) ? fleet.get(e.machineId()).name : e.machineId()))
                .distinct()
                .limit(5)
                .collect(Collectors.joining("; "));
    }
}
