package dev.herd.agent;

import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command that talks to the gateway shares: where the gateway is and where the agent's state is. */
public class GatewayOptions {

    @Option(names = "--gateway", required = true, description = "Base URL of the tenant gateway.")
    public URI gateway;

    @Option(
            names = "--state-dir",
            defaultValue = "/var/lib/herd-agent",
            description = "Folder for the agent's state files (default: ${DEFAULT-VALUE}).")
    public Path stateDir;
}
