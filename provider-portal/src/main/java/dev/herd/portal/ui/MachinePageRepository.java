package dev.herd.portal.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.portal.sql.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The machine page's read model: one bounded statement per section, each scoped to the tenant and the machine, so a
 * machine of thousands of packages and findings costs one page of each.
 */
@ApplicationScoped
public class MachinePageRepository {

    /** Packages per page, findings, rules, plans and watched files shown at most. */
    static final int PACKAGES = 100;

    static final int LISTED = 50;

    private final EntityManager entityManager;
    private final ObjectMapper json;

    public MachinePageRepository(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** The tenant's machine of that name (the most recently reported one, should two share it). */
    public Optional<MachinePage.Summary> machine(String tenantId, String name) {
        List<Object[]> rows = rows(entityManager
                .createNativeQuery("SELECT id, name, hostname, trim(concat_ws(' ', os_id, os_version)), ecosystem, "
                        + "architecture, CAST(addresses AS text), CAST(listening AS text), last_sequence, updated_at "
                        + "FROM machine WHERE tenant_id = :t AND name = :n ORDER BY updated_at DESC LIMIT 1")
                .setParameter("t", tenantId)
                .setParameter("n", name));
        return rows.stream()
                .findFirst()
                .map(r -> new MachinePage.Summary(
                        (UUID) r[0],
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        (String) r[5],
                        read((String) r[6], new TypeReference<List<String>>() {}),
                        read((String) r[7], new TypeReference<List<MachinePage.Listening>>() {}),
                        ((Number) r[8]).longValue(),
                        Timestamps.instant(r[9])));
    }

    /** One more than a page of packages after {@code after} (by name), so the caller knows whether there is a next. */
    public List<MachinePage.Package> packages(UUID machineId, String after) {
        return rows(entityManager
                        .createNativeQuery("SELECT p.name, p.architecture, p.version, p.source_name FROM machine m "
                                + "JOIN package_set_member p ON p.set_id = m.package_set_id WHERE m.id = :m "
                                + "AND p.name > :after ORDER BY p.name, p.architecture LIMIT :n")
                        .setParameter("m", machineId)
                        .setParameter("after", after == null ? "" : after)
                        .setParameter("n", PACKAGES + 1))
                .stream()
                .map(r -> new MachinePage.Package(
                        (String) r[0],
                        (String) r[1],
                        (String) r[2],
                        r[3] == null || r[3].equals(r[0]) ? null : (String) r[3]))
                .toList();
    }

    public long packageCount(UUID machineId) {
        return count(
                "SELECT COALESCE(max(s.package_count), 0) FROM machine m JOIN package_set s ON s.id = m.package_set_id "
                        + "WHERE m.id = :m",
                machineId);
    }

    /** The worst open findings first (severity, then known-exploited, then advisory). */
    public List<MachinePage.OpenFinding> openFindings(UUID machineId) {
        return rows(entityManager
                        .createNativeQuery("SELECT f.id, f.advisory_id, f.package_name, f.installed, f.fixed, f.state, "
                                + "f.action, a.severity, COALESCE(a.known_exploited, false) FROM finding f "
                                + "LEFT JOIN advisory a ON a.id = f.advisory_id "
                                + "WHERE f.machine_id = :m AND f.closed_at IS NULL ORDER BY CASE a.severity "
                                + "WHEN 'CRITICAL' THEN 4 WHEN 'HIGH' THEN 3 WHEN 'MEDIUM' THEN 2 WHEN 'LOW' THEN 1 "
                                + "ELSE 0 END DESC, a.known_exploited DESC, f.advisory_id, f.id LIMIT :n")
                        .setParameter("m", machineId)
                        .setParameter("n", LISTED))
                .stream()
                .map(r -> new MachinePage.OpenFinding(
                        ((Number) r[0]).longValue(),
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        (String) r[5],
                        (String) r[6],
                        (String) r[7],
                        (Boolean) r[8]))
                .toList();
    }

    public long openFindingCount(UUID machineId) {
        return count("SELECT count(*) FROM finding WHERE machine_id = :m AND closed_at IS NULL", machineId);
    }

    /** The rules that are not withdrawn and cover the machine. */
    public List<MachinePage.Rule> rules(UUID machineId) {
        return rows(entityManager
                        .createNativeQuery("SELECT r.number, r.advisory_id, r.action, r.protocol, r.port, r.state "
                                + "FROM filter_rule r JOIN filter_rule_machine rm ON rm.rule_id = r.id "
                                + "WHERE rm.machine_id = :m AND r.state <> 'WITHDRAWN' ORDER BY r.number LIMIT :n")
                        .setParameter("m", machineId)
                        .setParameter("n", LISTED))
                .stream()
                .map(r -> new MachinePage.Rule(
                        ((Number) r[0]).intValue(),
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        r[4] == null ? null : ((Number) r[4]).intValue(),
                        (String) r[5]))
                .toList();
    }

    /** The machine's patch plans, newest first. */
    public List<MachinePage.Plan> plans(UUID machineId) {
        return rows(entityManager
                        .createNativeQuery("SELECT id, state, created_at, last_result, outcome_message FROM patch_plan "
                                + "WHERE machine_id = :m ORDER BY created_at DESC, id LIMIT :n")
                        .setParameter("m", machineId)
                        .setParameter("n", LISTED))
                .stream()
                .map(r -> new MachinePage.Plan(
                        (UUID) r[0], (String) r[1], Timestamps.instant(r[2]), (String) r[3], (String) r[4]))
                .toList();
    }

    /** The watched files as the machine's last evidence gave them. */
    public List<MachinePage.WatchedFile> watchedFiles(UUID machineId) {
        return rows(entityManager
                        .createNativeQuery("SELECT path, sha256, seen_at FROM watched_file WHERE machine_id = :m "
                                + "ORDER BY path LIMIT :n")
                        .setParameter("m", machineId)
                        .setParameter("n", LISTED))
                .stream()
                .map(r -> new MachinePage.WatchedFile((String) r[0], (String) r[1], Timestamps.instant(r[2])))
                .toList();
    }

    private long count(String sql, UUID machineId) {
        return ((Number) entityManager
                        .createNativeQuery(sql)
                        .setParameter("m", machineId)
                        .getSingleResult())
                .longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query query) {
        return query.getResultList();
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored machine field is unreadable: " + text, e);
        }
    }
}
