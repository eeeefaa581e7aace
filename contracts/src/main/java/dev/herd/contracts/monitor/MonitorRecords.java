package dev.herd.contracts.monitor;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Message on the multicast address {@value #ADDRESS}: one batch of network-monitor flow records an agent or sensor
 * sent to its gateway (DESIGN §3.4), grouped by the agent's id; the tenant is always the agent's own.
 */
public record MonitorRecords(String tenantId, UUID agentId, List<FlowRecord> records, Instant receivedAt) {

    public static final String ADDRESS = "herd.monitor";

    /** One flow: when, between which addresses, protocol ({@code tcp|udp|icmp|other}), port, bytes, signature hit. */
    public record FlowRecord(
            Instant time,
            String source,
            String destination,
            String protocol,
            Integer port,
            long bytes,
            String signature) {}

    public MonitorRecords {
        records = records == null ? List.of() : List.copyOf(records);
    }
}
