package dev.herd.portal.audit;

import dev.herd.portal.sql.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Each machine's network configuration files as last observed, and their change history; always by tenant. */
@ApplicationScoped
public class ConfigFileRepository {

    private static final String COLUMNS = "c.machine_id, m.name, c.path, c.mode, c.owner, c.grp, c.modified, "
            + "c.changed, c.expected_mode, c.expected_owner, c.expected_group, c.mismatch, c.urgency, "
            + "c.mismatch_since, c.seen_at";

    private final EntityManager entityManager;

    public ConfigFileRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The machine's files as stored, by path. */
    @SuppressWarnings("unchecked")
    public Map<String, ConfigFileView> ofMachine(String tenant, UUID machine) {
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT " + COLUMNS + " FROM config_file c LEFT JOIN machine m "
                        + "ON m.id = c.machine_id WHERE c.tenant_id = :t AND c.machine_id = :m")
                .setParameter("t", tenant)
                .setParameter("m", machine)
                .getResultList();
        Map<String, ConfigFileView> files = new HashMap<>();
        rows.stream().map(ConfigFileRepository::view).forEach(f -> files.put(f.path(), f));
        return files;
    }

    /** Every stored file of the tenant. */
    @SuppressWarnings("unchecked")
    public List<ConfigFileView> ofTenant(String tenant) {
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT " + COLUMNS + " FROM config_file c LEFT JOIN machine m "
                        + "ON m.id = c.machine_id WHERE c.tenant_id = :t")
                .setParameter("t", tenant)
                .getResultList();
        return rows.stream().map(ConfigFileRepository::view).toList();
    }

    /** Stores the file's observed state (the view's machine name is not stored). */
    public void put(String tenant, ConfigFileView f) {
        entityManager
                .createNativeQuery("INSERT INTO config_file (tenant_id, machine_id, path, mode, owner, grp, modified, "
                        + "changed, expected_mode, expected_owner, expected_group, mismatch, urgency, mismatch_since, "
                        + "first_seen, seen_at) VALUES (:t, :m, :p, :mode, :owner, :grp, :modified, :changed, :em, :eo, "
                        + ":eg, :mismatch, :urgency, :since, :seen, :seen) ON CONFLICT (machine_id, path) DO UPDATE SET "
                        + "mode = EXCLUDED.mode, owner = EXCLUDED.owner, grp = EXCLUDED.grp, modified = "
                        + "EXCLUDED.modified, changed = EXCLUDED.changed, expected_mode = EXCLUDED.expected_mode, "
                        + "expected_owner = EXCLUDED.expected_owner, expected_group = EXCLUDED.expected_group, "
                        + "mismatch = EXCLUDED.mismatch, urgency = EXCLUDED.urgency, mismatch_since = "
                        + "EXCLUDED.mismatch_since, seen_at = EXCLUDED.seen_at")
                .setParameter("t", tenant)
                .setParameter("m", f.machineId())
                .setParameter("p", f.path())
                .setParameter("mode", f.mode())
                .setParameter("owner", f.owner())
                .setParameter("grp", f.group())
                .setParameter("modified", timestamp(f.modified()))
                .setParameter("changed", timestamp(f.changed()))
                .setParameter("em", f.expectedMode())
                .setParameter("eo", f.expectedOwner())
                .setParameter("eg", f.expectedGroup())
                .setParameter("mismatch", f.mismatch())
                .setParameter("urgency", f.urgency())
                .setParameter("since", timestamp(f.mismatchSince()))
                .setParameter("seen", timestamp(f.seenAt()))
                .executeUpdate();
    }

    public void remove(String tenant, UUID machine, String path) {
        entityManager
                .createNativeQuery("DELETE FROM config_file WHERE tenant_id = :t AND machine_id = :m AND path = :p")
                .setParameter("t", tenant)
                .setParameter("m", machine)
                .setParameter("p", path)
                .executeUpdate();
    }

    /** Adds a change to the file's history, with its state after the change (null fields when it went). */
    public void change(String tenant, UUID machine, String path, ConfigFileView.Change change) {
        entityManager
                .createNativeQuery(
                        "INSERT INTO config_file_change (tenant_id, machine_id, path, observed_at, what, mode, "
                                + "owner, grp, modified) VALUES (:t, :m, :p, :at, :what, :mode, :owner, :grp, :modified)")
                .setParameter("t", tenant)
                .setParameter("m", machine)
                .setParameter("p", path)
                .setParameter("at", timestamp(change.observedAt()))
                .setParameter("what", change.what())
                .setParameter("mode", change.mode())
                .setParameter("owner", change.owner())
                .setParameter("grp", change.group())
                .setParameter("modified", timestamp(change.modified()))
                .executeUpdate();
    }

    /** A page of the tenant's files, those that differ from what is expected first, then by machine and path. */
    @SuppressWarnings("unchecked")
    public List<ConfigFileView> page(String tenant, AuditQuery query, int changesEach) {
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT " + COLUMNS + " FROM config_file c LEFT JOIN machine m "
                        + "ON m.id = c.machine_id WHERE c.tenant_id = :t "
                        + "AND (CAST(:machine AS text) IS NULL OR m.name = :machine) "
                        + "ORDER BY (c.mismatch IS NULL), m.name, c.machine_id, c.path LIMIT :size OFFSET :offset")
                .setParameter("t", tenant)
                .setParameter("machine", query.machine())
                .setParameter("size", query.size())
                .setParameter("offset", query.offset())
                .getResultList();
        List<ConfigFileView> files =
                rows.stream().map(ConfigFileRepository::view).toList();
        Map<String, List<ConfigFileView.Change>> history = history(tenant, files, changesEach);
        return files.stream()
                .map(f -> f.withHistory(history.getOrDefault(f.machineId() + f.path(), List.of())))
                .toList();
    }

    public long count(String tenant, String machine) {
        return ((Number) entityManager
                        .createNativeQuery("SELECT count(*) FROM config_file c LEFT JOIN machine m "
                                + "ON m.id = c.machine_id WHERE c.tenant_id = :t "
                                + "AND (CAST(:machine AS text) IS NULL OR m.name = :machine)")
                        .setParameter("t", tenant)
                        .setParameter("machine", machine)
                        .getSingleResult())
                .longValue();
    }

    /** Drops changes observed before {@code before}. */
    public int purgeChanges(Instant before) {
        return entityManager
                .createNativeQuery("DELETE FROM config_file_change WHERE observed_at < :before")
                .setParameter("before", Timestamp.from(before))
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private Map<String, List<ConfigFileView.Change>> history(String tenant, List<ConfigFileView> files, int each) {
        Map<String, List<ConfigFileView.Change>> history = new LinkedHashMap<>();
        if (files.isEmpty()) {
            return history;
        }
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT machine_id, path, observed_at, what, mode, owner, grp, modified FROM ("
                        + "SELECT *, row_number() OVER (PARTITION BY machine_id, path ORDER BY observed_at DESC, id DESC) "
                        + "AS n FROM config_file_change WHERE tenant_id = :t AND machine_id = ANY(:m) AND path = ANY(:p)) "
                        + "AS newest WHERE n <= :each ORDER BY observed_at DESC, id DESC")
                .setParameter("t", tenant)
                .setParameter(
                        "m",
                        files.stream().map(ConfigFileView::machineId).distinct().toArray(UUID[]::new))
                .setParameter(
                        "p", files.stream().map(ConfigFileView::path).distinct().toArray(String[]::new))
                .setParameter("each", each)
                .getResultList();
        for (Object[] r : rows) {
            history.computeIfAbsent(r[0] + (String) r[1], k -> new ArrayList<>())
                    .add(new ConfigFileView.Change(
                            Timestamps.instant(r[2]),
                            (String) r[3],
                            (String) r[4],
                            (String) r[5],
                            (String) r[6],
                            Timestamps.instant(r[7])));
        }
        return history;
    }

    private static ConfigFileView view(Object[] r) {
        return new ConfigFileView(
                (UUID) r[0],
                (String) r[1],
                (String) r[2],
                (String) r[3],
                (String) r[4],
                (String) r[5],
                Timestamps.instant(r[6]),
                Timestamps.instant(r[7]),
                (String) r[8],
                (String) r[9],
                (String) r[10],
                (String) r[11],
                (String) r[12],
                Timestamps.instant(r[13]),
                Timestamps.instant(r[14]),
                List.of());
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
