package dev.herd.portal.traffic;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A tenant's traffic over a period: flows and bytes per protocol in each window (for a stacked chart), and per
 * machine over the whole period, the busiest first.
 */
public record TrafficView(
        String tenantId,
        Instant from,
        Instant to,
        long windowSeconds,
        List<ProtocolSeries> protocols,
        List<MachineTraffic> machines) {

    /** One protocol's windows, oldest first; a window without flows is left out. */
    public record ProtocolSeries(String protocol, long flows, long bytes, List<Point> points) {}

    /** One window of one protocol. */
    public record Point(Instant windowStart, long flows, long bytes) {}

    /** One machine's flows and bytes over the period, by protocol too. */
    public record MachineTraffic(UUID machineId, String name, long flows, long bytes, String protocols) {}
}
