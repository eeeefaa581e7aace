package dev.herd.gateway.evidence;

import dev.herd.contracts.evidence.MachineEvidence;
import dev.herd.gateway.admission.Admission;
import dev.herd.gateway.admission.AdmissionRepository;
import dev.herd.gateway.equipment.EquipmentViolation;
import dev.herd.gateway.equipment.EquipmentViolationRepository;
import dev.herd.gateway.equipment.MachineHardwareRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A machine's equipment as the gateway holds it now ({@link MachineEvidence.Equipment}): the hardware of its last
 * report, its newest equipment violations and its newest admission. None when the gateway holds none of them.
 */
@ApplicationScoped
public class EquipmentState {

    /** How many of a machine's violations travel, newest first. */
    static final int MAX_VIOLATIONS = 20;

    private final MachineHardwareRepository hardware;
    private final EquipmentViolationRepository violations;
    private final AdmissionRepository admissions;

    public EquipmentState(
            MachineHardwareRepository hardware,
            EquipmentViolationRepository violations,
            AdmissionRepository admissions) {
        this.hardware = hardware;
        this.violations = violations;
        this.admissions = admissions;
    }

    /** The agent's equipment at {@code at}; empty when it has no hardware, violation or admission at this gateway. */
    public Optional<MachineEvidence.Equipment> of(String tenantId, UUID agentId, Instant at) {
        Optional<MachineHardwareRepository.Recorded> recorded = hardware.current(tenantId, agentId);
        List<MachineEvidence.Violation> violated = violations.newestForAgent(tenantId, agentId, MAX_VIOLATIONS).stream()
                .map(EquipmentState::violation)
                .toList();
        Optional<MachineEvidence.Admission> admission =
                admissions.newestForAgent(tenantId, agentId).map(EquipmentState::admission);
        if (recorded.isEmpty() && violated.isEmpty() && admission.isEmpty()) {
            return Optional.empty();
        }
        List<MachineEvidence.Hardware> items = recorded.map(r -> r.items().stream()
                        .map(i -> new MachineEvidence.Hardware(i.kind().name(), i.name(), i.driver()))
                        .toList())
                .orElse(null);
        return Optional.of(new MachineEvidence.Equipment(at, items, violated, admission.orElse(null)));
    }

    /** Whether the state holds the machine: a violation not released, or an admission not released. */
    static boolean held(MachineEvidence.Equipment equipment) {
        return equipment.violations().stream().anyMatch(v -> !"RELEASED".equals(v.status()))
                || (equipment.admission() != null
                        && !"RELEASED".equals(equipment.admission().status()));
    }

    private static MachineEvidence.Violation violation(EquipmentViolation v) {
        return new MachineEvidence.Violation(
                v.id,
                v.kind.name(),
                v.item,
                v.driver,
                v.status.name(),
                v.failure,
                v.detectedAt,
                v.releasedAt,
                v.releasedBy);
    }

    private static MachineEvidence.Admission admission(Admission a) {
        return new MachineEvidence.Admission(
                a.id, a.status.name(), a.segment, a.ip, a.requestedAt, a.releasedAt, a.releasedBy, a.awaiting);
    }
}
