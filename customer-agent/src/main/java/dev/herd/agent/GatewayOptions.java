package dev.herd.agent;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options every command that talks to the gateway shares: where the gateway is, how it is trusted and where the
 * agent's state is.
 */
public class GatewayOptions {

    @Option(names = "--gateway", required = true, description = "Base URL of the tenant gateway (https://...).")
    public URI gateway;

    @Option(
            names = "--gateway-ca",
            defaultValue = "${env:HERD_GATEWAY_CA}",
            description = "PEM file of the gateway's CA. enrol checks it against the token's fingerprint; without it"
                    + " enrol takes the CA from the gateway's certificate chain, and run the one pinned at enrolment"
                    + " (STATE_DIR/gateway-ca.pem). Environment: HERD_GATEWAY_CA.")
    public Path gatewayCa;

    @Option(
            names = "--allow-plain-http",
            defaultValue = "${env:HERD_TLS_ALLOW_PLAIN_HTTP:-false}",
            description = "Allow an http:// gateway: the token, credential and reports travel unencrypted (a warning"
                    + " says so). Environment: HERD_TLS_ALLOW_PLAIN_HTTP=true.")
    public boolean allowPlainHttp;

    @Option(
            names = "--state-dir",
            defaultValue = "/var/lib/herd-agent",
            description = "Folder for the agent's state files (default: ${DEFAULT-VALUE}).")
    public Path stateDir;

    public Optional<Path> gatewayCa() {
        // An empty HERD_GATEWAY_CA= (agent.conf's default) names no file.
        return Optional.ofNullable(gatewayCa).filter(file -> !file.toString().isBlank());
    }
}
