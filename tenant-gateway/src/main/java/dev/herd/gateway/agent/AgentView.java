package dev.herd.gateway.agent;

import java.time.Instant;
import java.util.UUID;

/** An agent as the API shows it (never its credential). */
public record AgentView(
        UUID id,
        String tenantId,
        String hostname,
        String machineId,
        Instant enrolledAt,
        Instant lastHeartbeatAt,
        long lastReportSequence,
        Instant lastReportAt) {

    static AgentView of(Agent agent) {
        return new AgentView(
                agent.id,
                agent.tenantId,
                agent.hostname,
                agent.machineId,
                agent.enrolledAt,
                agent.lastHeartbeatAt,
                agent.lastReportSequence,
                agent.lastReportAt);
    }
}
