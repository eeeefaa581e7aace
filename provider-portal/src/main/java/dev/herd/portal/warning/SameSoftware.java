package dev.herd.portal.warning;

import dev.herd.contracts.inventory.MachineInventory.ListeningPort;
import dev.herd.portal.diagnosis.match.InstalledPackage;
import dev.herd.portal.machine.InstalledPackages;
import dev.herd.portal.machine.Machine;
import dev.herd.portal.machine.MachineRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The machines of other tenants that run the software an anomaly attacked: those listening (not only on loopback)
 * on its service, or, when the service is unknown, those with a source package installed on every damaged machine.
 * Deliberately reads across tenants: a warning exists to reach tenants that were not hit.
 */
@ApplicationScoped
public class SameSoftware {

    private final MachineRepository machines;
    private final InstalledPackages packages;

    public SameSoftware(MachineRepository machines, InstalledPackages packages) {
        this.machines = machines;
        this.packages = packages;
    }

    /** The exposed machines by tenant, without the reporting tenants; empty when nothing can be matched. */
    public Map<String, List<UUID>> exposedTo(Anomaly anomaly) {
        List<Machine> exposed;
        if (anomaly.port() != null) {
            exposed = machines.list("tenantId not in ?1", anomaly.tenants()).stream()
                    .filter(m -> m.listening.stream().anyMatch(p -> serves(p, anomaly.protocol(), anomaly.port())))
                    .toList();
        } else {
            Set<String> shared = sharedPackages(anomaly.machines());
            if (shared.isEmpty()) {
                return Map.of();
            }
            exposed = machines.byIds(packages.machinesWith(shared)).stream()
                    .filter(m -> !anomaly.tenants().contains(m.tenantId))
                    .toList();
        }
        return exposed.stream()
                .collect(Collectors.groupingBy(
                        m -> m.tenantId, TreeMap::new, Collectors.mapping(m -> m.id, Collectors.toList())));
    }

    /** The source packages (match names) installed on every one of these machines. */
    Set<String> sharedPackages(Collection<UUID> damaged) {
        Map<UUID, List<InstalledPackage>> installed = packages.of(damaged);
        Set<String> shared = null;
        for (UUID machine : damaged) {
            Set<String> names = installed.getOrDefault(machine, List.of()).stream()
                    .map(InstalledPackage::name)
                    .collect(Collectors.toSet());
            if (shared == null) {
                shared = new HashSet<>(names);
            } else {
                shared.retainAll(names);
            }
        }
        return shared == null ? Set.of() : shared;
    }

    static boolean serves(ListeningPort listening, String protocol, int port) {
        if (listening.port() != port || isLoopback(listening.address())) {
            return false;
        }
        if (protocol == null) {
            return true;
        }
        String family = listening.protocol() == null ? "" : listening.protocol().replace("6", "");
        return family.equalsIgnoreCase(protocol);
    }

    private static boolean isLoopback(String address) {
        return address != null
                && (address.startsWith("127.") || address.equals("::1") || address.equalsIgnoreCase("localhost"));
    }
}
