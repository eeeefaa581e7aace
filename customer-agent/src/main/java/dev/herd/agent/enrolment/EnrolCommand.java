package dev.herd.agent.enrolment;

import dev.herd.agent.GatewayOptions;
import dev.herd.agent.gateway.GatewayClient;
import dev.herd.agent.tls.GatewayTlsException;
import dev.herd.agent.tls.GatewayTransport;
import dev.herd.contracts.enrolment.EnrolmentTokenText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code enrol}: trades a one-time token for this agent's credential and keeps it in the state folder. */
@Command(name = "enrol", description = "Enrol this machine at its tenant gateway with a one-time token.")
public class EnrolCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    GatewayOptions options;

    @Option(names = "--token", required = true, description = "The one-time enrolment token.")
    String token;

    @Option(
            names = "--root",
            defaultValue = "/",
            hidden = true,
            description = "Read machine identity below this folder.")
    Path root;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GatewayTransport transport = null;
        try {
            EnrolmentTokenText parsed = EnrolmentTokenText.parse(token);
            transport = GatewayTransport.forEnrolment(
                    options.gateway, parsed, options.gatewayCa(), options.allowPlainHttp, line -> {
                        err.println(line);
                        err.flush();
                    });
            AgentCredential credential = new Enroller(
                            new GatewayClient(options.gateway, Clock.systemUTC(), transport.client()),
                            transport::pinnedCa)
                    .enrol(token, root, options.stateDir);
            out.println("enrolled as agent " + credential.agentId() + " of tenant " + credential.tenantId()
                    + "; credential in " + options.stateDir.resolve(CredentialStore.FILE));
            out.flush();
            return 0;
        } catch (IllegalArgumentException | GatewayTlsException e) {
            err.println("customer-agent: " + e.getMessage());
            err.flush();
            return 2;
        } catch (EnrolmentException e) {
            // A refused certificate shows as an unreachable gateway; say what was wrong with it instead.
            String refusal = transport == null ? null : transport.refusal().orElse(null);
            err.println("customer-agent: "
                    + (refusal == null
                            ? e.getMessage()
                            : "the gateway " + options.gateway + " is not trusted: " + refusal));
            err.flush();
            return 2;
        }
    }
}
