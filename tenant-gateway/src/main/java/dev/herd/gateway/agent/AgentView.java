package dev.herd.gateway.agent;

import java.time.Instant;
import java.util.UUID;

/** An agent as the API shows it. */
public record AgentView(UUID id, String tenantId, String hostname, Instant enrolledAt, Instant lastHeartbeatAt) {

    static AgentView of(Agent agent) {
        return new AgentView(agent.id, agent.tenantId, agent.hostname, agent.enrolledAt, agent.lastHeartbeatAt);
    }
}
