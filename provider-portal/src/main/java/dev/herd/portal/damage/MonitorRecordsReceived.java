package dev.herd.portal.damage;

import dev.herd.contracts.monitor.MonitorRecords.FlowRecord;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Fired (synchronously, inside the consumer's transaction) for every batch of monitor records, before its flows go to
 * damage detection: the agent's detectors are alive at {@code receivedAt} and saw these canary flows.
 */
public record MonitorRecordsReceived(String tenantId, UUID agentId, Instant receivedAt, List<FlowRecord> canaryFlows) {}
