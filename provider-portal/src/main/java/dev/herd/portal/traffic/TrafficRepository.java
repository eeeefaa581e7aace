package dev.herd.portal.traffic;

import dev.herd.portal.sql.Timestamps;
import dev.herd.portal.traffic.TrafficView.MachineTraffic;
import dev.herd.portal.traffic.TrafficView.Point;
import dev.herd.portal.traffic.TrafficView.ProtocolSeries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads a tenant's traffic windows, summed over its machines per protocol, and per machine; drops old windows. */
@ApplicationScoped
public class TrafficRepository {

    private final EntityManager entityManager;

    public TrafficRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Each protocol's windows from {@code from} (inclusive) to {@code to}, oldest first; most flows first, then bytes. */
    @SuppressWarnings("unchecked")
    List<ProtocolSeries> protocols(String tenantId, Instant from, Instant to) {
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT protocol, window_start, sum(flows), sum(bytes) FROM traffic_window "
                        + "WHERE tenant_id = :t AND window_start >= :from AND window_start < :to "
                        + "GROUP BY protocol, window_start ORDER BY protocol, window_start")
                .setParameter("t", tenantId)
                .setParameter("from", Timestamp.from(from))
                .setParameter("to", Timestamp.from(to))
                .getResultList();
        Map<String, List<Point>> points = new LinkedHashMap<>();
        for (Object[] row : rows) {
            points.computeIfAbsent((String) row[0], p -> new ArrayList<>())
                    .add(new Point(Timestamps.instant(row[1]), number(row[2]), number(row[3])));
        }
        List<ProtocolSeries> series = new ArrayList<>();
        points.forEach((protocol, list) -> series.add(new ProtocolSeries(
                protocol,
                list.stream().mapToLong(Point::flows).sum(),
                list.stream().mapToLong(Point::bytes).sum(),
                List.copyOf(list))));
        series.sort(Comparator.comparingLong(ProtocolSeries::flows)
                .thenComparingLong(ProtocolSeries::bytes)
                .reversed()
                .thenComparing(ProtocolSeries::protocol));
        return series;
    }

    /** The {@code max} busiest machines (by bytes) of the period, with their names where the portal knows them. */
    @SuppressWarnings("unchecked")
    List<MachineTraffic> machines(String tenantId, Instant from, Instant to, int max) {
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT w.machine_id, m.name, sum(w.flows), sum(w.bytes), "
                        + "string_agg(DISTINCT w.protocol, ', ' ORDER BY w.protocol) FROM traffic_window w "
                        + "LEFT JOIN machine m ON m.id = w.machine_id "
                        + "WHERE w.tenant_id = :t AND w.window_start >= :from AND w.window_start < :to "
                        + "GROUP BY w.machine_id, m.name ORDER BY sum(w.bytes) DESC, w.machine_id LIMIT :n")
                .setParameter("t", tenantId)
                .setParameter("from", Timestamp.from(from))
                .setParameter("to", Timestamp.from(to))
                .setParameter("n", max)
                .getResultList();
        return rows.stream()
                .map(row -> new MachineTraffic(
                        (UUID) row[0], (String) row[1], number(row[2]), number(row[3]), (String) row[4]))
                .toList();
    }

    /** Drops the windows that started before {@code before}; how many. */
    @Transactional
    public int dropBefore(Instant before) {
        return entityManager
                .createNativeQuery("DELETE FROM traffic_window WHERE window_start < :before")
                .setParameter("before", Timestamp.from(before))
                .executeUpdate();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
