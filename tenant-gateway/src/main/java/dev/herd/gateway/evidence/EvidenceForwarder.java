package dev.herd.gateway.evidence;

import dev.herd.contracts.evidence.MachineEvidence;
import dev.herd.contracts.outbox.Outbox;
import dev.herd.gateway.agent.AgentRepository;
import dev.herd.gateway.agent.MachineStateChanged;
import dev.herd.gateway.agent.TenantLane;
import dev.herd.gateway.report.AcceptedReport;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Instant;
import java.util.List;

/**
 * Puts a report's evidence ({@link MachineEvidence}) on the outbox in the report's own transaction, grouped by the
 * agent's tenant like its inventory, so the portal sees a machine's evidence in report order. It observes the report
 * after equipment control and the admission linker, so the machine's {@link EquipmentState} includes what they did;
 * a state changed outside a report (a release, a diagnosis) travels on its own, with sequence 0.
 */
@ApplicationScoped
public class EvidenceForwarder {

    /** After the other observers of an accepted report (the default is {@code APPLICATION + 500}). */
    static final int AFTER_EQUIPMENT_CONTROL = Interceptor.Priority.APPLICATION + 900;

    private final Outbox outbox;
    private final EquipmentState equipment;
    private final AgentRepository agents;

    public EvidenceForwarder(Outbox outbox, EquipmentState equipment, AgentRepository agents) {
        this.outbox = outbox;
        this.equipment = equipment;
        this.agents = agents;
    }

    /**
     * The report's evidence; its equipment when the report carries hardware or the machine is held (an open violation
     * or admission), so a plain delta of a machine at rest forwards nothing.
     */
    void onAccepted(@Observes @Priority(AFTER_EQUIPMENT_CONTROL) AcceptedReport accepted) {
        MachineEvidence.Equipment state = equipment
                .of(accepted.agent().tenantId, accepted.agent().id, accepted.receivedAt())
                .filter(e -> accepted.report().hardware() != null || EquipmentState.held(e))
                .orElse(null);
        EvidenceMapper.of(accepted, state)
                .ifPresent(
                        evidence -> outbox.enqueue(MachineEvidence.ADDRESS, TenantLane.of(accepted.agent()), evidence));
    }

    void onStateChanged(@Observes MachineStateChanged changed) {
        agents.findByIdOptional(changed.agentId())
                .filter(agent -> agent.tenantId.equals(changed.tenantId()))
                .ifPresent(agent -> equipment
                        .of(agent.tenantId, agent.id, Instant.now())
                        .ifPresent(state -> outbox.enqueue(
                                MachineEvidence.ADDRESS,
                                TenantLane.of(agent),
                                new MachineEvidence(
                                        agent.tenantId,
                                        agent.id,
                                        agent.hostname,
                                        0,
                                        List.of(),
                                        List.of(),
                                        List.of(),
                                        state.at(),
                                        List.of(),
                                        List.of(),
                                        state))));
    }
}
