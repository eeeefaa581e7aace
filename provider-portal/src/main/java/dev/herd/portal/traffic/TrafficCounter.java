package dev.herd.portal.traffic;

import dev.herd.contracts.monitor.MonitorRecords.FlowRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Counts a batch of monitor records into {@code traffic_window}: flows and bytes per machine, five-minute window and
 * protocol ({@code tcp}, {@code udp}, {@code icmp}, anything else as {@code other}), with one statement per batch.
 */
@ApplicationScoped
public class TrafficCounter {

    /** The length of a window, in seconds. */
    public static final long WINDOW_SECONDS = 300;

    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "icmp");

    private final EntityManager entityManager;

    public TrafficCounter(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void count(String tenantId, UUID machineId, List<FlowRecord> flows) {
        Map<String, long[]> byWindow = new TreeMap<>();
        for (FlowRecord flow : flows) {
            long start = Math.floorDiv(flow.time().getEpochSecond(), WINDOW_SECONDS) * WINDOW_SECONDS;
            long[] sums = byWindow.computeIfAbsent(start + " " + protocol(flow.protocol()), k -> new long[2]);
            sums[0]++;
            sums[1] += Math.max(0, flow.bytes());
        }
        if (byWindow.isEmpty()) {
            return;
        }
        StringBuilder starts = new StringBuilder();
        StringBuilder protocols = new StringBuilder();
        StringBuilder counts = new StringBuilder();
        StringBuilder bytes = new StringBuilder();
        byWindow.forEach((key, sums) -> {
            String[] parts = key.split(" ");
            separate(starts).append(Instant.ofEpochSecond(Long.parseLong(parts[0])));
            separate(protocols).append(parts[1]);
            separate(counts).append(sums[0]);
            separate(bytes).append(sums[1]);
        });
        entityManager
                .createNativeQuery(
                        "INSERT INTO traffic_window (tenant_id, machine_id, window_start, protocol, flows, "
                                + "bytes) SELECT :t, :m, w.s, w.p, w.f, w.b FROM unnest("
                                + "CAST(string_to_array(:starts, ',') AS timestamptz[]), string_to_array(:protocols, ','), "
                                + "CAST(string_to_array(:flows, ',') AS bigint[]), CAST(string_to_array(:bytes, ',') AS "
                                + "bigint[])) AS w(s, p, f, b) ON CONFLICT (machine_id, window_start, protocol) DO UPDATE SET "
                                + "flows = traffic_window.flows + EXCLUDED.flows, bytes = traffic_window.bytes + EXCLUDED.bytes")
                .setParameter("t", tenantId)
                .setParameter("m", machineId)
                .setParameter("starts", starts.toString())
                .setParameter("protocols", protocols.toString())
                .setParameter("flows", counts.toString())
                .setParameter("bytes", bytes.toString())
                .executeUpdate();
    }

    static String protocol(String given) {
        String lower = given == null ? "" : given.strip().toLowerCase(Locale.ROOT);
        return PROTOCOLS.contains(lower) ? lower : "other";
    }

    private static StringBuilder separate(StringBuilder values) {
        return values.isEmpty() ? values : values.append(',');
    }
}
