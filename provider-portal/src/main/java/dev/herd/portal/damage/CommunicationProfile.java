package dev.herd.portal.damage;

import dev.herd.contracts.monitor.MonitorRecords.FlowRecord;
import dev.herd.portal.sql.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Each machine's communication profile (DESIGN §3.4): flows counted per window and destination address. A window is
 * judged once it is closed (a later flow of the machine lies beyond its end) against the baseline, the machine's
 * earlier windows that were not abnormal themselves, by Jensen-Shannon divergence.
 */
@ApplicationScoped
public class CommunicationProfile {

    private final EntityManager entityManager;

    public CommunicationProfile(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A closed window whose destinations diverge from the baseline by more than the tenant's threshold. */
    public record Abnormal(UUID machineId, Instant windowStart, double score, Instant lastFlowAt) {}

    /** Counts the flows and judges every window they closed; answers the abnormal ones. */
    public List<Abnormal> record(String tenantId, UUID machineId, List<FlowRecord> flows, DamageSettings settings) {
        if (flows.isEmpty()) {
            return List.of();
        }
        long window = settings.profileWindowSeconds();
        Map<Instant, Map<String, List<Instant>>> byWindow = new TreeMap<>();
        Instant latest = Instant.EPOCH;
        for (FlowRecord flow : flows) {
            byWindow.computeIfAbsent(windowStart(flow.time(), window), w -> new HashMap<>())
                    .computeIfAbsent(destination(flow.destination()), d -> new ArrayList<>())
                    .add(flow.time());
            latest = flow.time().isAfter(latest) ? flow.time() : latest;
        }
        byWindow.forEach((start, destinations) -> destinations.forEach((destination, times) -> add(
                tenantId,
                machineId,
                start,
                destination,
                times.size(),
                times.stream().max(Instant::compareTo).orElseThrow())));
        List<Abnormal> abnormal = new ArrayList<>();
        for (Instant start : unjudged(machineId, latest.minusSeconds(window))) {
            judge(tenantId, machineId, start, settings).ifPresent(abnormal::add);
        }
        return abnormal;
    }

    static Instant windowStart(Instant time, long windowSeconds) {
        return Instant.ofEpochSecond(Math.floorDiv(time.getEpochSecond(), windowSeconds) * windowSeconds);
    }

    private static String destination(String text) {
        String trimmed = text.strip();
        return trimmed.length() > 64 ? trimmed.substring(0, 64) : trimmed;
    }

    private void add(String tenantId, UUID machineId, Instant start, String destination, long flows, Instant last) {
        entityManager
                .createNativeQuery("INSERT INTO machine_traffic (tenant_id, machine_id, window_start, destination, "
                        + "flows, last_flow_at) VALUES (:t, :m, :w, :d, :f, :l) "
                        + "ON CONFLICT (machine_id, window_start, destination) DO UPDATE SET "
                        + "flows = machine_traffic.flows + EXCLUDED.flows, "
                        + "last_flow_at = GREATEST(machine_traffic.last_flow_at, EXCLUDED.last_flow_at)")
                .setParameter("t", tenantId)
                .setParameter("m", machineId)
                .setParameter("w", start)
                .setParameter("d", destination)
                .setParameter("f", flows)
                .setParameter("l", last)
                .executeUpdate();
    }

    private List<Instant> unjudged(UUID machineId, Instant closedBefore) {
        @SuppressWarnings("unchecked")
        List<Object> rows = entityManager
                .createNativeQuery("SELECT DISTINCT t.window_start FROM machine_traffic t WHERE t.machine_id = :m "
                        + "AND t.window_start <= :c AND NOT EXISTS (SELECT 1 FROM profile_verdict v "
                        + "WHERE v.machine_id = t.machine_id AND v.window_start = t.window_start) "
                        + "ORDER BY t.window_start")
                .setParameter("m", machineId)
                .setParameter("c", closedBefore)
                .getResultList();
        return rows.stream().map(Timestamps::instant).toList();
    }

    private Optional<Abnormal> judge(String tenantId, UUID machineId, Instant start, DamageSettings settings) {
        Map<String, Long> current = counts(entityManager
                .createNativeQuery("SELECT destination, flows FROM machine_traffic WHERE machine_id = :m "
                        + "AND window_start = :w")
                .setParameter("m", machineId)
                .setParameter("w", start));
        Map<String, Long> baseline = counts(entityManager
                .createNativeQuery("SELECT t.destination, sum(t.flows) FROM machine_traffic t "
                        + "WHERE t.machine_id = :m AND t.window_start < :w AND t.window_start >= :from "
                        + "AND NOT EXISTS (SELECT 1 FROM profile_verdict v WHERE v.machine_id = t.machine_id "
                        + "AND v.window_start = t.window_start AND v.abnormal) GROUP BY t.destination")
                .setParameter("m", machineId)
                .setParameter("w", start)
                .setParameter(
                        "from",
                        start.minusSeconds((long) settings.profileWindowSeconds() * settings.baselineWindows())));
        Double score = baseline.isEmpty() ? null : JensenShannon.divergence(current, baseline);
        boolean abnormal = score != null && score > settings.threshold();
        entityManager
                .createNativeQuery("INSERT INTO profile_verdict (machine_id, window_start, tenant_id, score, abnormal) "
                        + "VALUES (:m, :w, :t, :s, :a)")
                .setParameter("m", machineId)
                .setParameter("w", start)
                .setParameter("t", tenantId)
                .setParameter("s", score)
                .setParameter("a", abnormal)
                .executeUpdate();
        if (!abnormal) {
            return Optional.empty();
        }
        Instant lastFlow = Timestamps.instant(entityManager
                .createNativeQuery("SELECT max(last_flow_at) FROM machine_traffic WHERE machine_id = :m "
                        + "AND window_start = :w")
                .setParameter("m", machineId)
                .setParameter("w", start)
                .getSingleResult());
        return Optional.of(new Abnormal(machineId, start, score, lastFlow));
    }

    private static Map<String, Long> counts(Query query) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object[] row : rows) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }
}
