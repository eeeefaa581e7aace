package dev.herd.gateway.agent;

/** Request headers agents send with every authenticated call. */
public final class AgentHeaders {

    /** When the agent sent the request: epoch seconds or ISO-8601. */
    public static final String TIMESTAMP = "X-Herd-Timestamp";

    /** A value the agent never sends twice. */
    public static final String NONCE = "X-Herd-Nonce";

    private AgentHeaders() {}
}
