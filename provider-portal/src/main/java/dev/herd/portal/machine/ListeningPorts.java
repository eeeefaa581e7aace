package dev.herd.portal.machine;

import dev.herd.portal.sql.PostgresCopy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The index of open ports ({@code machine_listening}): which machine listens on which {@link OpenPort}. A machine's
 * rows are replaced in one go whenever its listening services change, so exposure reads the machines listening on a
 * (protocol, port) through an index instead of loading every machine.
 */
@ApplicationScoped
public class ListeningPorts {

    private final EntityManager entityManager;
    private final PostgresCopy copy;

    public ListeningPorts(EntityManager entityManager, PostgresCopy copy) {
        this.entityManager = entityManager;
        this.copy = copy;
    }

    /** Replaces the machine's open ports with those of its listening services (one DELETE, one COPY). */
    public void replace(Machine machine) {
        entityManager
                .createNativeQuery("DELETE FROM machine_listening WHERE machine_id = :m")
                .setParameter("m", machine.id)
                .executeUpdate();
        Set<OpenPort> open = new LinkedHashSet<>();
        machine.listening.forEach(l -> OpenPort.of(l).ifPresent(open::add));
        PostgresCopy.Rows rows = new PostgresCopy.Rows();
        open.forEach(p -> rows.row(machine.id, machine.tenantId, p.protocol(), p.port()));
        copy.into("machine_listening", "machine_id, tenant_id, protocol, port", rows);
    }

    /**
     * Up to {@code limit} ids of machines of any tenant listening on one of {@code ports}, after {@code after} (null:
     * from the first) in id order: one keyset page.
     */
    public List<UUID> listeningOn(Collection<OpenPort> ports, UUID after, int limit) {
        if (ports.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT DISTINCT machine_id FROM machine_listening WHERE (");
        appendPorts(sql, ports.size());
        sql.append(")").append(after == null ? "" : " AND machine_id > :after").append(" ORDER BY machine_id");
        var query = entityManager.createNativeQuery(sql.toString(), UUID.class).setMaxResults(limit);
        bindPorts(query, ports);
        if (after != null) {
            query.setParameter("after", after);
        }
        @SuppressWarnings("unchecked")
        List<UUID> ids = query.getResultList();
        return ids;
    }

    /** A machine of a tenant and one of its open ports. */
    public record OpenOn(UUID machineId, String machine, String protocol, int port) {}

    /**
     * The tenant's machines listening on one of {@code ports}, one row per (machine, open port), in machine id order
     * after {@code after} (null: from the first): up to {@code limit} machines, a keyset page.
     */
    public List<OpenOn> ofTenant(String tenantId, Collection<OpenPort> ports, UUID after, int limit) {
        StringBuilder sql =
                new StringBuilder("SELECT l.machine_id, m.name, l.protocol, l.port FROM machine_listening l "
                        + "JOIN machine m ON m.id = l.machine_id WHERE l.tenant_id = :t AND l.machine_id IN ("
                        + "SELECT DISTINCT machine_id FROM machine_listening WHERE tenant_id = :t AND (");
        appendPorts(sql, ports.size());
        sql.append(")")
                .append(after == null ? "" : " AND machine_id > :after")
                .append(" ORDER BY machine_id LIMIT :limit) AND (");
        appendPorts(sql, ports.size());
        sql.append(") ORDER BY l.machine_id, l.protocol, l.port");
        var query = entityManager
                .createNativeQuery(sql.toString(), Object[].class)
                .setParameter("t", tenantId)
                .setParameter("limit", limit);
        bindPorts(query, ports);
        if (after != null) {
            query.setParameter("after", after);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream()
                .map(r -> new OpenOn((UUID) r[0], (String) r[1], (String) r[2], ((Number) r[3]).intValue()))
                .toList();
    }

    private static void appendPorts(StringBuilder sql, int count) {
        for (int i = 0; i < count; i++) {
            sql.append(i == 0 ? "" : " OR ")
                    .append("(protocol = :p")
                    .append(i)
                    .append(" AND port = :n")
                    .append(i)
                    .append(")");
        }
    }

    private static void bindPorts(jakarta.persistence.Query query, Collection<OpenPort> ports) {
        int i = 0;
        for (OpenPort port : ports) {
            query.setParameter("p" + i, port.protocol()).setParameter("n" + i, port.port());
            i++;
        }
    }
}
