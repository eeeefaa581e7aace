package dev.herd.gateway.evidence;

import dev.herd.contracts.evidence.MachineEvidence;
import dev.herd.contracts.outbox.Outbox;
import dev.herd.gateway.agent.TenantLane;
import dev.herd.gateway.report.AcceptedReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Puts a report's damage evidence ({@link MachineEvidence}) on the outbox in the report's own transaction, grouped by
 * the agent's id like its inventory, so the portal sees a machine's evidence in report order.
 */
@ApplicationScoped
public class EvidenceForwarder {

    private final Outbox outbox;

    public EvidenceForwarder(Outbox outbox) {
        this.outbox = outbox;
    }

    void onAccepted(@Observes AcceptedReport accepted) {
        EvidenceMapper.of(accepted)
                .ifPresent(
                        evidence -> outbox.enqueue(MachineEvidence.ADDRESS, TenantLane.of(accepted.agent()), evidence));
    }
}
