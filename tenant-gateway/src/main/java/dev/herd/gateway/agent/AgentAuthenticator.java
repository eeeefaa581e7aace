package dev.herd.gateway.agent;

import dev.herd.contracts.problem.HerdException;
import dev.herd.gateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Authenticates an agent's request: {@code Authorization: Agent ID:SECRET} (or HTTP Basic with the same pair) checked
 * against the stored hash, plus {@code X-Herd-Timestamp} within the allowed clock skew and an {@code X-Herd-Nonce}
 * the agent has not used inside that window. The tenant is always the agent's own, from its row.
 */
@ApplicationScoped
public class AgentAuthenticator {

    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_.:-]{16,128}");
    /** Compared against when the agent is unknown, so that unknown and forged take the same time. */
    private static final String NO_HASH = Secrets.hash("no-such-agent");

    private final AgentRepository agents;
    private final NonceLedger nonces;
    private final GatewayConfig config;

    public AgentAuthenticator(AgentRepository agents, NonceLedger nonces, GatewayConfig config) {
        this.agents = agents;
        this.nonces = nonces;
        this.config = config;
    }

    /** The authenticated agent, or a 401 problem; the nonce is recorded in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Agent authenticate(String authorization, String timestamp, String nonce) {
        String[] pair = credentials(authorization);
        Optional<Agent> agent = parseId(pair[0]).flatMap(agents::findByIdOptional);
        boolean valid =
                Secrets.matches(pair[1], agent.map(a -> a.credentialHash).orElse(NO_HASH));
        if (agent.isEmpty() || !valid) {
            throw invalid("The agent credential is not valid.");
        }
        Instant sent = parseTimestamp(timestamp);
        Duration skew = config.agentAuth().clockSkew();
        Instant now = Instant.now();
        if (sent.isBefore(now.minus(skew)) || sent.isAfter(now.plus(skew))) {
            throw new HerdException(
                    401, "request-stale", "X-Herd-Timestamp is more than " + skew + " away from the gateway's clock.");
        }
        if (nonce == null || !NONCE.matcher(nonce).matches()) {
            throw new HerdException(
                    401, "nonce-missing", "X-Herd-Nonce must be 16 to 128 letters, digits or '_.:-', new per request.");
        }
        if (!nonces.record(agent.get().id, nonce, now)) {
            throw new HerdException(401, "credential-replayed", "This request's nonce was already used.");
        }
        return agent.get();
    }

    private static String[] credentials(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new HerdException(
                    401, "credential-missing", "Send 'Authorization: Agent <agentId>:<secret>' from enrolment.");
        }
        String[] parts = authorization.trim().split("\\s+", 2);
        String pair = parts.length < 2 ? "" : parts[1];
        if (parts[0].equalsIgnoreCase("Basic")) {
            try {
                pair = new String(Base64.getDecoder().decode(pair), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw invalid("The Basic credential is not Base64.");
            }
        } else if (!parts[0].equalsIgnoreCase("Agent")) {
            throw invalid("Agents authenticate with 'Agent <agentId>:<secret>', not with '" + parts[0] + "'.");
        }
        int colon = pair.indexOf(':');
        if (colon < 1) {
            throw invalid("The credential must be '<agentId>:<secret>'.");
        }
        return new String[] {pair.substring(0, colon), pair.substring(colon + 1)};
    }

    private static Optional<UUID> parseId(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Instant parseTimestamp(String timestamp) {
        if (timestamp == null || timestamp.isBlank()) {
            throw new HerdException(401, "request-stale", "X-Herd-Timestamp (epoch seconds or ISO-8601) is missing.");
        }
        try {
            return timestamp.chars().allMatch(Character::isDigit)
                    ? Instant.ofEpochSecond(Long.parseLong(timestamp))
                    : Instant.parse(timestamp);
        } catch (DateTimeException | NumberFormatException e) {
            throw new HerdException(401, "request-stale", "X-Herd-Timestamp '" + timestamp + "' is not a time.");
        }
    }

    private static HerdException invalid(String message) {
        return new HerdException(401, "credential-invalid", message);
    }
}
