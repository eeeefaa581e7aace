package dev.herd.portal.machine;

import dev.herd.contracts.inventory.MachineInventory;
import dev.herd.portal.match.InstalledPackage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The installed packages of machines: written from inventories (a full report replaces them, a delta changes them)
 * and read as the (name, version, architecture) diagnosis matches — the source package where advisories name it.
 * A machine points at a stored {@link PackageSets package set}; machines of one image share it (ADR 17).
 */
@ApplicationScoped
public class InstalledPackages {

    private final EntityManager entityManager;
    private final PackageSets sets;

    public InstalledPackages(EntityManager entityManager, PackageSets sets) {
        this.entityManager = entityManager;
        this.sets = sets;
    }

    /** Replaces every package of the machine with these (a full report); a repeated (name, arch) wins. */
    public void replace(Machine machine, List<MachineInventory.PackageRef> packages) {
        machine.packageSetId = sets.idOf(PackageSetContent.of(machine.ecosystem, packages));
    }

    /** Removes the named packages of a machine, then adds or replaces these (a delta). */
    public void change(
            Machine machine, List<MachineInventory.PackageRef> removed, List<MachineInventory.PackageRef> added) {
        PackageSetContent current = PackageSetContent.ofMembers(sets.members(machine.packageSetId));
        machine.packageSetId = sets.idOf(current.without(removed).with(machine.ecosystem, added));
    }

    /** The packages of these machines as diagnosis matches them, by machine; machines of one set share one list. */
    public Map<UUID, List<InstalledPackage>> of(Collection<Machine> machines) {
        return of(machines, null);
    }

    /** The packages of these machines that advisories name {@code matchNames} (null: all), by machine. */
    public Map<UUID, List<InstalledPackage>> of(Collection<Machine> machines, Collection<String> matchNames) {
        Set<String> names = matchNames == null ? null : Set.copyOf(matchNames);
        Map<Long, List<PackageSetContent.Member>> members = sets.membersOf(machines.stream()
                .map(m -> m.packageSetId)
                .filter(Objects::nonNull)
                .toList());
        Map<Long, List<InstalledPackage>> bySet = new HashMap<>();
        members.forEach((id, list) -> bySet.put(
                id,
                PackageSets.installed(
                        names == null
                                ? list
                                : list.stream()
                                        .filter(m -> names.contains(m.matchName()))
                                        .toList())));
        Map<UUID, List<InstalledPackage>> byMachine = new LinkedHashMap<>();
        for (Machine machine : machines) {
            if (machine.packageSetId != null) {
                byMachine.put(machine.id, bySet.get(machine.packageSetId));
            }
        }
        return byMachine;
    }

    /** The packages of these machines (by id), as {@link #of(Collection)}. */
    public Map<UUID, List<InstalledPackage>> ofIds(Collection<UUID> machineIds) {
        if (machineIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Machine> machines = entityManager
                .createQuery("FROM Machine WHERE id IN :ids", Machine.class)
                .setParameter("ids", machineIds)
                .getResultList();
        return of(machines);
    }

    /** The machines of any tenant that have a package advisories name {@code matchName}. */
    public List<UUID> machinesWith(Collection<String> matchNames) {
        if (matchNames.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager
                .createNativeQuery("SELECT m.id FROM machine m WHERE m.package_set_id IN (SELECT p.set_id FROM "
                        + "package_set_member p WHERE p.match_name = ANY(:names)) ORDER BY m.id")
                .setParameter("names", matchNames.toArray(String[]::new))
                .getResultList();
        return ids;
    }

    /** The binary packages of a machine built from these match names (what a patch plan installs). */
    public List<Binary> binariesOf(Machine machine, String matchName) {
        return sets.members(machine.packageSetId).stream()
                .filter(m -> m.matchName().equals(matchName))
                .map(m -> new Binary(m.name(), m.version(), m.matchVersion()))
                .toList();
    }

    /** A binary package as installed, and the version of the package diagnosis matched it by. */
    public record Binary(String name, String version, String matchVersion) {}
}
