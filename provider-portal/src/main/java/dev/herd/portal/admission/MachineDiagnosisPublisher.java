package dev.herd.portal.admission;

import dev.herd.contracts.admission.MachineDiagnosed;
import dev.herd.contracts.outbox.Outbox;
import dev.herd.portal.machine.Machine;
import dev.herd.portal.machine.MachineInventoryStored;
import dev.herd.portal.machine.MachineRepository;
import dev.herd.portal.rules.RuleBundlePublisher;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Tells gateways (through the outbox, {@link MachineDiagnosed}) where a machine stands once the portal diagnosed its
 * inventory and the rules that follow were deployed (DESIGN §3.5), and again when a later bundle leaves a machine
 * that had unprotected findings without any, so a gateway holding it in quarantine can release it.
 */
@ApplicationScoped
public class MachineDiagnosisPublisher {

    private final MachineDiagnosisRepository diagnoses;
    private final MachineRepository machines;
    private final Outbox outbox;

    public MachineDiagnosisPublisher(MachineDiagnosisRepository diagnoses, MachineRepository machines, Outbox outbox) {
        this.diagnoses = diagnoses;
        this.machines = machines;
        this.outbox = outbox;
    }

    void onInventoryStored(@Observes @Priority(MachineInventoryStored.ADMISSION) MachineInventoryStored stored) {
        diagnosed(stored.machine());
    }

    /** Publishes the diagnosis of the machine's newest inventory, unless exactly this was published already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void diagnosed(Machine machine) {
        MachineProtection protection = diagnoses.protection(machine.tenantId, machine.id);
        Optional<MachineDiagnosisRepository.Published> last = diagnoses.last(machine.id);
        if (last.isPresent()
                && last.get().sequence() == machine.lastSequence
                && last.get().protection().equals(protection)) {
            return;
        }
        publish(machine, protection);
    }

    /** After a new bundle: every machine of the tenant last told unprotected that now has nothing unprotected. */
    @Transactional(Transactional.TxType.MANDATORY)
    void onBundlePublished(@Observes RuleBundlePublisher.BundlePublished event) {
        for (UUID machineId : diagnoses.unprotected(event.tenantId())) {
            Machine machine = machines.findById(machineId);
            if (machine == null || !machine.tenantId.equals(event.tenantId())) {
                continue;
            }
            MachineProtection protection = diagnoses.protection(machine.tenantId, machine.id);
            if (protection.unprotectedFindings() == 0) {
                publish(machine, protection);
            }
        }
    }

    private void publish(Machine machine, MachineProtection protection) {
        Instant now = Instant.now();
        diagnoses.save(machine.tenantId, machine.id, machine.lastSequence, protection, now);
        outbox.enqueue(
                MachineDiagnosed.ADDRESS,
                machine.id.toString(),
                new MachineDiagnosed(
                        machine.tenantId,
                        machine.id,
                        machine.lastSequence,
                        protection.openFindings(),
                        protection.unprotectedFindings(),
                        protection.bundleRevision(),
                        now));
    }
}
