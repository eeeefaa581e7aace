package dev.herd.gateway.equipment;

import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.tenancy.Caller;
import dev.herd.gateway.GatewayConfig;
import dev.herd.gateway.agent.Agent;
import dev.herd.gateway.agent.MachineStateChanged;
import dev.herd.gateway.isolation.IsolatingDevice;
import dev.herd.gateway.isolation.IsolationHolds;
import dev.herd.gateway.isolation.Machine;
import dev.herd.gateway.report.AcceptedReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Records equipment violations and isolates their machine through the isolating device, and releases them on an
 * operator's order. The rows are written before the device is called; a device that refuses (or a report naming no
 * address) does not lose the report: the violations are kept as ISOLATION_FAILED with the reason.
 */
@ApplicationScoped
public class EquipmentIsolation {

    private static final Logger LOG = Logger.getLogger(EquipmentIsolation.class);

    private final EquipmentViolationRepository violations;
    private final IsolatingDevice device;
    private final IsolationHolds holds;
    private final GatewayConfig config;
    private final Event<MachineStateChanged> changed;

    public EquipmentIsolation(
            EquipmentViolationRepository violations,
            IsolatingDevice device,
            IsolationHolds holds,
            GatewayConfig config,
            Event<MachineStateChanged> changed) {
        this.violations = violations;
        this.device = device;
        this.holds = holds;
        this.config = config;
        this.changed = changed;
    }

    /** One violation per forbidden item of the report, then the machine isolated once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EquipmentViolation> isolate(AcceptedReport accepted, List<HardwareItem> forbidden) {
        Agent agent = accepted.agent();
        Optional<Machine> target = IsolationTarget.of(accepted.report().interfaces());
        String segment = config.isolation().segment();
        List<EquipmentViolation> recorded = new ArrayList<>();
        for (HardwareItem item : forbidden) {
            EquipmentViolation violation = new EquipmentViolation();
            violation.id = UUID.randomUUID();
            violation.tenantId = agent.tenantId;
            violation.agentId = agent.id;
            violation.hostname = agent.hostname;
            violation.reportSequence = accepted.submission().sequence();
            violation.kind = item.kind();
            violation.item = item.name();
            violation.driver = item.driver();
            violation.mac = target.flatMap(Machine::mac).orElse(null);
            violation.ip = target.flatMap(Machine::addressText).orElse(null);
            violation.segment = segment;
            violation.status = EquipmentViolation.Status.OPEN;
            violation.detectedAt = accepted.receivedAt();
            violations.persist(violation);
            recorded.add(violation);
        }
        String failure = target.isEmpty() ? "the report names no MAC and IP address to isolate" : null;
        if (target.isPresent()) {
            try {
                device.quarantine(target.get(), segment);
            } catch (RuntimeException e) {
                failure = "the isolating device refused: " + e.getMessage();
            }
        }
        if (failure != null) {
            LOG.errorf(
                    "Could not isolate %s (agent %s of tenant %s) for %s: %s",
                    agent.hostname,
                    agent.id,
                    agent.tenantId,
                    forbidden.stream().map(HardwareItem::label).toList(),
                    failure);
            for (EquipmentViolation violation : recorded) {
                violation.status = EquipmentViolation.Status.ISOLATION_FAILED;
                violation.failure = failure;
            }
        } else {
            LOG.warnf(
                    "Isolated %s (agent %s of tenant %s): hardware not on the allowed-equipment list: %s",
                    agent.hostname,
                    agent.id,
                    agent.tenantId,
                    forbidden.stream().map(HardwareItem::label).toList());
        }
        return recorded;
    }

    /**
     * Releases a violation of the caller's scope (another tenant's is 404, a second release 409) and lets the machine
     * back unless another open violation or an admission still holds it.
     */
    @Transactional
    public EquipmentViolation release(Caller who, UUID id) {
        EquipmentViolation violation = violations
                .findVisible(id, who.tenantScope())
                .orElseThrow(() ->
                        HerdException.notFound("equipment-violation-not-found", "No equipment violation " + id + "."));
        if (violation.status == EquipmentViolation.Status.RELEASED) {
            throw HerdException.conflict(
                    "equipment-violation-released",
                    "Equipment violation " + id + " was already released at " + violation.releasedAt + ".");
        }
        boolean isolated = violation.status == EquipmentViolation.Status.OPEN;
        violation.status = EquipmentViolation.Status.RELEASED;
        violation.releasedAt = Instant.now();
        violation.releasedBy = who.subject();
        if (isolated && !holds.heldOtherwise(violation.tenantId, violation.mac, null, violation.id)) {
            device.release(Machine.of(violation.mac, violation.ip));
        }
        changed.fire(new MachineStateChanged(violation.tenantId, violation.agentId));
        return violation;
    }

    /** Isolates again every machine with an open violation (after a restart); returns how many the device refused. */
    public int restore(List<EquipmentViolation> open) {
        int refused = 0;
        for (EquipmentViolation violation : open) {
            try {
                device.quarantine(Machine.of(violation.mac, violation.ip), violation.segment);
            } catch (RuntimeException e) {
                refused++;
                LOG.errorf(
                        "Could not isolate %s (%s, violation %s of tenant %s) again after the restart: %s",
                        violation.mac, violation.ip, violation.id, violation.tenantId, e.getMessage());
            }
        }
        return refused;
    }
}
