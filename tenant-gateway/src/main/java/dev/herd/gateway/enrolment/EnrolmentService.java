package dev.herd.gateway.enrolment;

import dev.herd.contracts.enrolment.EnrolmentTokenText;
import dev.herd.contracts.problem.HerdException;
import dev.herd.gateway.agent.Agent;
import dev.herd.gateway.agent.AgentRepository;
import dev.herd.gateway.agent.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/** Turns a one-time enrolment token into an agent of the token's tenant with its own credential. */
@ApplicationScoped
public class EnrolmentService {

    /** The new agent and its secret, shown this once. */
    public record Enrolled(UUID agentId, String tenantId, String credential) {}

    private final EnrolmentTokenRepository tokens;
    private final AgentRepository agents;

    public EnrolmentService(EnrolmentTokenRepository tokens, AgentRepository agents) {
        this.tokens = tokens;
        this.agents = agents;
    }

    /**
     * Consumes the token exactly once; an unknown, expired or used token stores nothing, nor does a malformed one (a
     * CA fingerprint part that is not 64 hex digits: 400 {@code enrolment-token-malformed}).
     */
    @Transactional
    public Enrolled enrol(String token, String hostname, String machineId) {
        try {
            EnrolmentTokenText.parse(token);
        } catch (IllegalArgumentException e) {
            throw HerdException.badRequest("enrolment-token-malformed", capitalised(e.getMessage()) + ".");
        }
        EnrolmentToken found = tokens.findByHash(Secrets.hash(token))
                .orElseThrow(() -> new HerdException(401, "enrolment-token-unknown", "No such enrolment token."));
        Instant now = Instant.now();
        UUID agentId = UUID.randomUUID();
        if (found.usedAt == null && !found.expiresAt.isAfter(now)) {
            throw expired();
        }
        if (found.usedAt != null || !tokens.consume(found.id, agentId, now)) {
            throw new HerdException(403, "enrolment-token-used", "This enrolment token has already been used.");
        }
        String secret = Secrets.generate();
        Agent agent = new Agent();
        agent.id = agentId;
        agent.tenantId = found.tenantId;
        agent.hostname = hostname;
        agent.machineId = machineId;
        agent.enrolledAt = now;
        agent.credentialHash = Secrets.hash(secret);
        agents.persist(agent);
        return new Enrolled(agentId, found.tenantId, agentId + ":" + secret);
    }

    private static String capitalised(String message) {
        return Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    private static HerdException expired() {
        return new HerdException(401, "enrolment-token-expired", "This enrolment token has expired.");
    }
}
