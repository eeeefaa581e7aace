package dev.herd.agent.tls;

/** The agent will not talk to the gateway this way; the message says why in one line. */
public class GatewayTlsException extends Exception {

    public GatewayTlsException(String message) {
        super(message);
    }
}
