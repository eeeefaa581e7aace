package dev.herd.portal.machine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.inbox.BadMessageException;
import dev.herd.contracts.inbox.MessageHandler;
import dev.herd.contracts.inventory.MachineInventory;
import dev.herd.portal.match.Ecosystems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.Objects;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Applies the machine inventories gateways forward ({@link MachineInventory}), with the machine's open ports
 * ({@link ListeningPorts}) when the services it listens on changed, and fires {@link MachineInventoryStored}:
 * diagnosis re-diagnoses that machine only (its exposure too when the services it listens on changed), then admission
 * tells gateways where the machine stands.
 * Messages of one machine arrive in sequence order; one at or below the last applied sequence was applied already.
 */
@ApplicationScoped
public class InventoryConsumer implements MessageHandler {

    private static final Logger LOG = Logger.getLogger(InventoryConsumer.class);

    private final MachineRepository machines;
    private final InstalledPackages packages;
    private final ListeningPorts listeningPorts;
    private final Event<MachineInventoryStored> stored;
    private final ObjectMapper json;
    private final int consumers;

    public InventoryConsumer(
            MachineRepository machines,
            InstalledPackages packages,
            ListeningPorts listeningPorts,
            Event<MachineInventoryStored> stored,
            ObjectMapper json,
            @ConfigProperty(name = "herd.portal.inventory.consumers", defaultValue = "2") int consumers) {
        this.machines = machines;
        this.packages = packages;
        this.listeningPorts = listeningPorts;
        this.stored = stored;
        this.json = json;
        this.consumers = consumers;
    }

    /**
     * Inventories of different tenants are diagnosed in parallel (under the diagnosis lock's shared side); those of one
     * tenant, and so of one machine, stay in order, because the gateway keys them by tenant and the outbox groups
     * messages by their key (JMSXGroupID). One tenant's burst thus holds one consumer, never all (ADR 12).
     */
    @Override
    public int consumers() {
        return consumers;
    }

    @Override
    public String address() {
        return MachineInventory.ADDRESS;
    }

    @Override
    public String subscription() {
        return "portal-inventories";
    }

    @Override
    public void handle(String payload) {
        MachineInventory inventory = read(payload);
        Machine machine = machines.findById(inventory.agentId());
        if (machine != null && !machine.tenantId.equals(inventory.tenantId())) {
            throw new BadMessageException("inventory of machine " + inventory.agentId() + " names tenant "
                    + inventory.tenantId() + " but the machine belongs to another tenant");
        }
        if (machine != null && inventory.sequence() <= machine.lastSequence) {
            return;
        }
        if (machine != null
                && inventory.kind() == MachineInventory.Kind.DELTA
                && inventory.sequence() != machine.lastSequence + 1) {
            LOG.warnf(
                    "Machine %s: delta %d follows %d; applying it anyway",
                    machine.id, inventory.sequence(), machine.lastSequence);
        }
        boolean listeningChanged = machine == null || !Objects.equals(machine.listening, inventory.listening());
        if (machine == null) {
            machine = new Machine();
            machine.id = inventory.agentId();
            machine.tenantId = inventory.tenantId();
        }
        machine.hostname = inventory.hostname();
        machine.machineId = inventory.machineId();
        machine.name = inventory.hostname() != null && !inventory.hostname().isBlank()
                ? inventory.hostname()
                : inventory.machineId();
        machine.osId = inventory.osId();
        machine.osVersion = inventory.osVersion();
        machine.ecosystem = Ecosystems.ofMachine(inventory.osId(), inventory.osVersion());
        machine.architecture = inventory.architecture();
        machine.addresses = inventory.addresses();
        machine.listening = inventory.listening();
        machine.lastSequence = inventory.sequence();
        machine.updatedAt = inventory.receivedAt();
        if (inventory.kind() == MachineInventory.Kind.FULL) {
            packages.replace(machine, inventory.packages());
        } else {
            packages.change(machine, inventory.removedPackages(), inventory.packages());
        }
        machines.persist(machine);
        machines.flush(); // with its package set, which exists by now: what follows reads the machine by query
        if (listeningChanged) {
            listeningPorts.replace(machine);
        }
        stored.fire(new MachineInventoryStored(machine, listeningChanged));
    }

    private static boolean hasNul(String value) {
        return value != null && value.indexOf('\u0000') >= 0;
    }

    private MachineInventory read(String payload) {
        try {
            MachineInventory inventory = json.readValue(payload, MachineInventory.class);
            if (inventory.agentId() == null || inventory.tenantId() == null || inventory.kind() == null) {
                throw new BadMessageException("inventory without agentId, tenantId or kind");
            }
            if (inventory.receivedAt() == null) {
                throw new BadMessageException("inventory of " + inventory.agentId() + " without receivedAt");
            }
            for (MachineInventory.PackageRef p : inventory.packages()) {
                if (p.name() == null || p.version() == null) {
                    throw new BadMessageException(
                            "inventory of " + inventory.agentId() + ": package without name " + "or version");
                }
                if (hasNul(p.name())
                        || hasNul(p.version())
                        || hasNul(p.architecture())
                        || hasNul(p.sourceName())
                        || hasNul(p.sourceVersion())) {
                    throw new BadMessageException("inventory of " + inventory.agentId() + ": NUL in a package field");
                }
            }
            return inventory;
        } catch (JsonProcessingException e) {
            throw new BadMessageException("unreadable inventory message: " + e.getOriginalMessage(), e);
        }
    }
}
