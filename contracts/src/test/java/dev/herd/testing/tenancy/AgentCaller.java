package dev.herd.testing.tenancy;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.UUID;

/**
 * How the matrix calls an agent operation: as the enrolled agent itself, and in the five ways an attacker would (no
 * credential, a wrong secret, a nonce already used, a timestamp ten minutes old, another agent's id with this agent's
 * secret). Only {@link #AGENT} may be let in.
 */
public enum AgentCaller {
    AGENT("agent"),
    NO_CREDENTIAL("agent-none"),
    WRONG_SIGNATURE("agent-wrong-signature"),
    REPLAYED_NONCE("agent-replayed-nonce"),
    OLD_TIMESTAMP("agent-old-timestamp"),
    OTHER_AGENT_ID("agent-other-id");

    private static final long OLD_SECONDS = 600;

    private final String name;

    AgentCaller(String name) {
        this.name = name;
    }

    public String tableName() {
        return name;
    }

    /**
     * Two enrolled agents of the tenant: the {@code ID:SECRET} credential of one and the id of the other; and a path
     * the agent may POST to with no body (a heartbeat), where a nonce is spent before it is replayed. A nonce is only
     * spent by a request that succeeds, so the replayed one must have been accepted once.
     */
    public record Agents(String credential, String otherAgentId, String spendPath) {

        String id() {
            return credential.substring(0, credential.indexOf(':'));
        }

        String secret() {
            return credential.substring(credential.indexOf(':') + 1);
        }
    }

    /** The request, with the agent headers this caller sends; {@code nonce} is fresh unless replayed on purpose. */
    RequestSpecification request(Agents agents, String nonce) {
        long now = Instant.now().getEpochSecond();
        return switch (this) {
            case AGENT, REPLAYED_NONCE -> signed(agents.credential(), now, nonce);
            case NO_CREDENTIAL ->
                given().header("X-Herd-Timestamp", Long.toString(now)).header(Operations.AGENT_NONCE, nonce);
            case WRONG_SIGNATURE -> signed(agents.id() + ":forged-" + UUID.randomUUID(), now, nonce);
            case OLD_TIMESTAMP -> signed(agents.credential(), now - OLD_SECONDS, nonce);
            case OTHER_AGENT_ID -> signed(agents.otherAgentId() + ":" + agents.secret(), now, nonce);
        };
    }

    private static RequestSpecification signed(String credential, long timestamp, String nonce) {
        return given().header("Authorization", "Agent " + credential)
                .header("X-Herd-Timestamp", Long.toString(timestamp))
                .header(Operations.AGENT_NONCE, nonce);
    }
}
