package dev.herd.portal.machine;

import dev.herd.contracts.inventory.MachineInventory;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/** Machines, always read for one tenant (or for the machines a package change touches). */
@ApplicationScoped
public class MachineRepository implements PanacheRepositoryBase<Machine, UUID> {

    public List<Machine> ofTenant(String tenantId) {
        return list("tenantId", io.quarkus.panache.common.Sort.by("name"), tenantId);
    }

    /** A machine's name and addresses, without the rest of the entity. */
    public record Addresses(String name, List<String> addresses) {}

    /** The tenant's machines' names and addresses, by name. */
    public List<Addresses> addressesOfTenant(String tenantId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createQuery("select m.name, m.addresses from Machine m where m.tenantId = ?1 order by m.name")
                .setParameter(1, tenantId)
                .getResultList();
        return rows.stream()
                .map(r -> {
                    @SuppressWarnings("unchecked")
                    List<String> addresses = (List<String>) r[1];
                    return new Addresses((String) r[0], addresses);
                })
                .toList();
    }

    public List<Machine> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    /**
     * Copies of these machines that Hibernate does not manage, for work that only reads them (diagnosis, rules). A
     * managed machine is dirty-checked, its JSON columns compared, at every flush until the transaction ends, and
     * Hibernate flushes before each native query: an advisory applied at many tenants read their machines once per
     * tenant and then compared all of them again before every statement that followed. Read after a flush of
     * pending changes, like any query.
     */
    public List<Machine> copiesOf(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createQuery("select m.id, m.tenantId, m.name, m.hostname, m.osId, m.osVersion, m.ecosystem, "
                        + "m.architecture, m.addresses, m.listening, m.lastSequence, m.updatedAt, m.packageSetId "
                        + "from Machine m where m.id in ?1")
                .setParameter(1, ids)
                .getResultList();
        List<Machine> copies = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            Machine m = new Machine();
            m.id = (UUID) r[0];
            m.tenantId = (String) r[1];
            m.name = (String) r[2];
            m.hostname = (String) r[3];
            m.osId = (String) r[4];
            m.osVersion = (String) r[5];
            m.ecosystem = (String) r[6];
            m.architecture = (String) r[7];
            @SuppressWarnings("unchecked")
            List<String> addresses = (List<String>) r[8];
            m.addresses = addresses;
            @SuppressWarnings("unchecked")
            List<MachineInventory.ListeningPort> listening = (List<MachineInventory.ListeningPort>) r[9];
            m.listening = listening;
            m.lastSequence = ((Number) r[10]).longValue();
            m.updatedAt = (Instant) r[11];
            m.packageSetId = (Long) r[12];
            copies.add(m);
        }
        return copies;
    }

    /**
     * Hands every machine of every tenant to {@code work}, {@code size} at a time in id order, and lets each page go
     * (flushed, then detached) before reading the next, so a fleet of any size costs one page of memory.
     */
    public void forEachPage(int size, Consumer<List<Machine>> work) {
        List<Machine> page = find("order by id").page(0, size).list();
        while (!page.isEmpty()) {
            UUID last = page.getLast().id;
            work.accept(page);
            release(page);
            page = page.size() < size
                    ? List.of()
                    : find("id > ?1 order by id", last).page(0, size).list();
        }
    }

    /**
     * As {@link #forEachPage(int, Consumer)} for these machines only, as {@link #copiesOf copies} (the work only reads
     * them).
     */
    public void forEachPage(Collection<UUID> ids, int size, Consumer<List<Machine>> work) {
        List<UUID> sorted = ids.stream().sorted().toList();
        for (int from = 0; from < sorted.size(); from += size) {
            work.accept(copiesOf(sorted.subList(from, Math.min(sorted.size(), from + size))));
        }
    }

    /**
     * As {@link #forEachPage(int, Consumer)} for the machines whose ids {@code idsAfter} hands out a keyset page at a
     * time: given the last id of the page before (null at first), it returns the next ids in id order, none at the
     * end. The machines are {@link #copiesOf copies} (the work only reads them).
     */
    public void forEachPage(Function<UUID, List<UUID>> idsAfter, Consumer<List<Machine>> work) {
        List<UUID> ids = idsAfter.apply(null);
        while (!ids.isEmpty()) {
            List<Machine> page = new ArrayList<>(copiesOf(ids));
            page.sort(Comparator.comparing(m -> m.id));
            work.accept(page);
            ids = idsAfter.apply(ids.getLast());
        }
    }

    private void release(List<Machine> page) {
        flush();
        page.forEach(getEntityManager()::detach);
    }
}
