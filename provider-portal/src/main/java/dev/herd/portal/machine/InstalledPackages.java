package dev.herd.portal.machine;

import dev.herd.contracts.inventory.MachineInventory;
import dev.herd.portal.match.Ecosystems;
import dev.herd.portal.match.InstalledPackage;
import dev.herd.portal.sql.PostgresCopy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The installed packages of machines: written from inventories (a full report replaces them, a delta changes them)
 * and read as the (name, version, architecture) diagnosis matches — the source package where advisories name it.
 */
@ApplicationScoped
public class InstalledPackages {

    private static final int BATCH = 500;

    private final EntityManager entityManager;
    private final PostgresCopy copy;

    public InstalledPackages(EntityManager entityManager, PostgresCopy copy) {
        this.entityManager = entityManager;
        this.copy = copy;
    }

    /** Replaces every package of the machine with these (a full report), by COPY; a repeated (name, arch) wins. */
    public void replace(Machine machine, List<MachineInventory.PackageRef> packages) {
        entityManager
                .createNativeQuery("DELETE FROM machine_package WHERE machine_id = :m")
                .setParameter("m", machine.id)
                .executeUpdate();
        boolean bySource = machine.ecosystem != null && Ecosystems.matchesBySource(machine.ecosystem);
        Map<List<String>, MachineInventory.PackageRef> distinct = new LinkedHashMap<>();
        for (MachineInventory.PackageRef p : packages) {
            distinct.put(List.of(p.name(), architecture(p)), p);
        }
        PostgresCopy.Rows rows = new PostgresCopy.Rows();
        for (MachineInventory.PackageRef p : distinct.values()) {
            boolean source =
                    bySource && p.sourceName() != null && !p.sourceName().isBlank();
            rows.row(
                    machine.id,
                    machine.tenantId,
                    p.name(),
                    architecture(p),
                    p.version(),
                    p.sourceName(),
                    p.sourceVersion(),
                    source ? p.sourceName() : p.name(),
                    source && p.sourceVersion() != null ? p.sourceVersion() : p.version());
        }
        copy.into(
                "machine_package",
                "machine_id, tenant_id, name, architecture, version, source_name, source_version, match_name, "
                        + "match_version",
                rows);
    }

    private static String architecture(MachineInventory.PackageRef p) {
        return p.architecture() == null ? "" : p.architecture();
    }

    /** Inserts or replaces packages of a machine. */
    public void upsert(Machine machine, List<MachineInventory.PackageRef> packages) {
        boolean bySource = machine.ecosystem != null && Ecosystems.matchesBySource(machine.ecosystem);
        for (int from = 0; from < packages.size(); from += BATCH) {
            List<MachineInventory.PackageRef> batch = packages.subList(from, Math.min(packages.size(), from + BATCH));
            StringBuilder sql = new StringBuilder("INSERT INTO machine_package (machine_id, tenant_id, name, "
                    + "architecture, version, source_name, source_version, match_name, match_version) VALUES ");
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                MachineInventory.PackageRef p = batch.get(i);
                sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?,?)");
                boolean source =
                        bySource && p.sourceName() != null && !p.sourceName().isBlank();
                values.add(machine.id);
                values.add(machine.tenantId);
                values.add(p.name());
                values.add(p.architecture() == null ? "" : p.architecture());
                values.add(p.version());
                values.add(p.sourceName());
                values.add(p.sourceVersion());
                values.add(source ? p.sourceName() : p.name());
                values.add(source && p.sourceVersion() != null ? p.sourceVersion() : p.version());
            }
            sql.append(" ON CONFLICT (machine_id, name, architecture) DO UPDATE SET version = EXCLUDED.version, "
                    + "source_name = EXCLUDED.source_name, source_version = EXCLUDED.source_version, "
                    + "match_name = EXCLUDED.match_name, match_version = EXCLUDED.match_version");
            var query = entityManager.createNativeQuery(sql.toString());
            for (int i = 0; i < values.size(); i++) {
                query.setParameter(i + 1, values.get(i));
            }
            query.executeUpdate();
        }
    }

    /** Removes the named packages of a machine (a delta's removals). */
    public void remove(UUID machineId, List<MachineInventory.PackageRef> packages) {
        for (MachineInventory.PackageRef p : packages) {
            entityManager
                    .createNativeQuery("DELETE FROM machine_package WHERE machine_id = :m AND name = :n "
                            + "AND (architecture = :a OR :a = '')")
                    .setParameter("m", machineId)
                    .setParameter("n", p.name())
                    .setParameter("a", p.architecture() == null ? "" : p.architecture())
                    .executeUpdate();
        }
    }

    /** The packages of these machines as diagnosis matches them, by machine. */
    public Map<UUID, List<InstalledPackage>> of(Collection<UUID> machineIds) {
        return of(machineIds, null);
    }

    /** The packages of these machines that advisories name {@code matchNames} (null: all), by machine. */
    public Map<UUID, List<InstalledPackage>> of(Collection<UUID> machineIds, Collection<String> matchNames) {
        Map<UUID, List<InstalledPackage>> byMachine = new HashMap<>();
        if (machineIds.isEmpty()) {
            return byMachine;
        }
        var query = entityManager.createNativeQuery(
                "SELECT machine_id, match_name, match_version, architecture FROM machine_package "
                        + "WHERE machine_id = ANY(:ids)" + (matchNames == null ? "" : " AND match_name = ANY(:names)")
                        + " ORDER BY machine_id, name, architecture");
        query.setParameter("ids", machineIds.toArray(UUID[]::new));
        if (matchNames != null) {
            query.setParameter("names", matchNames.toArray(String[]::new));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<InstalledPackage, InstalledPackage> shared = new HashMap<>();
        for (Object[] row : rows) {
            InstalledPackage p = new InstalledPackage((String) row[1], (String) row[2], (String) row[3]);
            byMachine.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add(shared.computeIfAbsent(p, k -> k));
        }
        return byMachine;
    }

    /** The machines of any tenant that have a package advisories name {@code matchName}. */
    public List<UUID> machinesWith(Collection<String> matchNames) {
        if (matchNames.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager
                .createNativeQuery("SELECT DISTINCT machine_id FROM machine_package WHERE match_name = ANY(:names)")
                .setParameter("names", matchNames.toArray(String[]::new))
                .getResultList();
        return ids;
    }

    /** The binary packages of a machine built from these match names (what a patch plan installs). */
    public List<Object[]> binariesOf(UUID machineId, String matchName) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT name, version, match_version FROM machine_package "
                        + "WHERE machine_id = :m AND match_name = :n ORDER BY name")
                .setParameter("m", machineId)
                .setParameter("n", matchName)
                .getResultList();
        return rows;
    }
}
