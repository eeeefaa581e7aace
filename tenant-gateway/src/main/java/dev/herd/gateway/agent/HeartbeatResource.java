package dev.herd.gateway.agent;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An agent's sign of life: {@code POST /agent/heartbeat} with the agent's own credential. */
@Path("/agent/heartbeat")
@Tag(name = "Agent: heartbeat")
@SecurityRequirement(name = "agent")
public class HeartbeatResource {

    /**
     * What the gateway answers a heartbeat; {@code lastReportSequence} is the highest report sequence stored for the
     * agent (0 before the first), so an agent that lost its sequence file resumes after it.
     */
    public record Ack(UUID agentId, Instant receivedAt, long lastReportSequence) {}

    private final AgentAuthenticator authenticator;

    public HeartbeatResource(AgentAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @POST
    @Operation(summary = "Tell the gateway the agent is alive")
    @Transactional
    public Ack beat(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(AgentHeaders.TIMESTAMP) String timestamp,
            @HeaderParam(AgentHeaders.NONCE) String nonce) {
        Agent agent = authenticator.authenticate(authorization, timestamp, nonce);
        agent.lastHeartbeatAt = Instant.now();
        return new Ack(agent.id, agent.lastHeartbeatAt, agent.lastReportSequence);
    }
}
