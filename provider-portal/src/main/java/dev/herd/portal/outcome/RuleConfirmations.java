package dev.herd.portal.outcome;

import dev.herd.contracts.delivery.ApplyOutcome;
import dev.herd.contracts.inbox.BadMessageException;
import dev.herd.portal.machine.Machine;
import dev.herd.portal.machine.MachineRepository;
import dev.herd.portal.rules.BundleConfirmation;
import dev.herd.portal.rules.RuleBundleRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Records per machine which rule-bundle revision its agent reported on, and how (APPLIED, SIMULATED, ...). */
@ApplicationScoped
public class RuleConfirmations {

    private final RuleBundleRepository bundles;
    private final MachineRepository machines;

    public RuleConfirmations(RuleBundleRepository bundles, MachineRepository machines) {
        this.bundles = bundles;
        this.machines = machines;
    }

    void confirm(ApplyOutcome outcome) {
        long revision;
        try {
            revision = Long.parseLong(outcome.reference());
        } catch (NumberFormatException e) {
            throw new BadMessageException(
                    "rule-bundle outcome with reference '" + outcome.reference() + "', which is not a revision");
        }
        if (outcome.agentId() == null) {
            throw new BadMessageException("rule-bundle outcome without agentId");
        }
        if (!bundles.exists(outcome.tenantId(), revision)) {
            throw new BadMessageException("outcome names bundle revision " + revision + ", which tenant "
                    + outcome.tenantId() + " never published");
        }
        Machine machine = machines.findById(outcome.agentId());
        if (machine != null && !machine.tenantId.equals(outcome.tenantId())) {
            throw new BadMessageException(
                    "outcome of tenant " + outcome.tenantId() + " names a machine of another tenant");
        }
        bundles.confirm(new BundleConfirmation(
                outcome.tenantId(),
                outcome.agentId(),
                machine != null ? machine.name : outcome.machineId(),
                revision,
                outcome.result().name(),
                outcome.message(),
                outcome.reportedAt() != null ? outcome.reportedAt() : Instant.now()));
    }
}
