package dev.herd.portal.equipment;

import dev.herd.contracts.evidence.MachineEvidence;
import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.tenancy.Caller;
import dev.herd.portal.machine.Machine;
import dev.herd.portal.machine.MachineRepository;
import dev.herd.portal.tenant.TenantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * A machine's equipment (hardware, allowed-equipment verdict, violations, admission) as its gateway tells it: stored
 * from the evidence, newest state wins, and read for a caller allowed on the tenant.
 */
@ApplicationScoped
public class EquipmentEvidenceService {

    private final EquipmentEvidenceRepository repository;
    private final MachineRepository machines;
    private final TenantService tenants;

    public EquipmentEvidenceService(
            EquipmentEvidenceRepository repository, MachineRepository machines, TenantService tenants) {
        this.repository = repository;
        this.machines = machines;
        this.tenants = tenants;
    }

    /** Stores the machine's equipment from its evidence (checked already); an older state than the stored is dropped. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(MachineEvidence evidence) {
        if (evidence.equipment() == null) {
            return false;
        }
        return repository.apply(evidence.tenantId(), evidence.agentId(), evidence.equipment(), evidence.receivedAt());
    }

    /**
     * The equipment of the tenant's machine named by its id or (unique) name; 403 for another tenant's caller, 404
     * for no such machine; a machine its gateway told nothing of has the verdict {@code unknown}.
     */
    @Transactional
    public MachineEquipment of(Caller caller, String tenant, String reference) {
        tenants.get(caller, tenant);
        Machine machine = machine(tenant, reference);
        return of(tenant, machine.id, machine.name);
    }

    /** The equipment of a machine already known to be the tenant's. */
    @Transactional
    public MachineEquipment of(String tenant, UUID machineId, String name) {
        return repository
                .of(tenant, machineId, name)
                .orElse(new MachineEquipment(machineId, name, MachineEquipment.UNKNOWN, null, null, List.of(), null));
    }

    /** The tenant's machines the gateway holds now (admission or violation), each with how. */
    @Transactional
    public java.util.Map<UUID, String> held(String tenant) {
        return repository.held(tenant);
    }

    private Machine machine(String tenant, String reference) {
        try {
            Machine byId = machines.findById(UUID.fromString(reference));
            if (byId != null && byId.tenantId.equals(tenant)) {
                return byId;
            }
        } catch (IllegalArgumentException e) {
            // not an id: a name
        }
        List<Machine> named =
                machines.find("tenantId = ?1 and name = ?2", tenant, reference).list();
        if (named.size() > 1) {
            throw HerdException.conflict(
                    "machine-ambiguous",
                    "Several machines of this tenant are named '" + reference + "': name the machine by its id.");
        }
        if (named.isEmpty()) {
            throw HerdException.notFound("machine-not-found", "No machine '" + reference + "' in this tenant.");
        }
        return named.getFirst();
    }
}
