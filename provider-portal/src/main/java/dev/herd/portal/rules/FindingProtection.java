package dev.herd.portal.rules;

import dev.herd.portal.diagnosis.FindingReconciler;
import dev.herd.portal.diagnosis.FindingState;
import dev.herd.portal.machine.Machine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Moves open filter findings to MITIGATED while a deployed rule protects their machine (one with an address the
 * rule can name), and back to OPEN when none does any more; each move goes into the finding's history.
 */
@ApplicationScoped
public class FindingProtection {

    private final FindingReconciler reconciler;

    public FindingProtection(FindingReconciler reconciler) {
        this.reconciler = reconciler;
    }

    /**
     * Moves the findings, which may be of several tenants (a machine is of one tenant, so its findings meet only its
     * tenant's rules): two statements whatever their number.
     */
    void apply(
            List<FilterFinding> open,
            List<TenantRule> deployed,
            Map<Long, Set<UUID>> machinesOf,
            Map<UUID, Machine> machineById,
            Instant now) {
        Map<String, Integer> protectingRule = new HashMap<>();
        Map<UUID, Boolean> addressable = new HashMap<>();
        for (TenantRule rule : deployed) {
            for (UUID machineId : machinesOf.getOrDefault(rule.id, Set.of())) {
                if (addressable.computeIfAbsent(
                        machineId,
                        id -> !ProtectedAddresses.of(machineById.get(id)).isEmpty())) {
                    protectingRule.merge(machineId + " " + rule.advisoryId, rule.number, Math::min);
                }
            }
        }
        List<Long> mitigated = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        List<Long> exposed = new ArrayList<>();
        for (FilterFinding finding : open) {
            Integer number = protectingRule.get(finding.machineId() + " " + finding.advisoryId());
            if (number != null && finding.state() == FindingState.OPEN) {
                mitigated.add(finding.id());
                reasons.add("protected by filter rule " + number);
            } else if (number == null && finding.state() == FindingState.MITIGATED) {
                exposed.add(finding.id());
            }
        }
        reconciler.transition(mitigated, reasons, FindingState.MITIGATED, null, now);
        reconciler.transition(exposed, FindingState.OPEN, null, "no deployed filter rule protects it any more", now);
    }
}
