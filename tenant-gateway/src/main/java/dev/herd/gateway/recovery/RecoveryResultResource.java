package dev.herd.gateway.recovery;

import dev.herd.gateway.agent.Agent;
import dev.herd.gateway.agent.AgentAuthenticator;
import dev.herd.gateway.agent.AgentHeaders;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /agent/recovery-results}: what an agent reports after running (or simulating) a recovery task. */
@Path("/agent/recovery-results")
@Tag(name = "Agent: recovery tasks")
@SecurityRequirement(name = "agent")
public class RecoveryResultResource {

    private final AgentAuthenticator authenticator;
    private final RecoveryResultReader reader;
    private final RecoveryResultService service;

    public RecoveryResultResource(
            AgentAuthenticator authenticator, RecoveryResultReader reader, RecoveryResultService service) {
        this.authenticator = authenticator;
        this.reader = reader;
        this.service = service;
    }

    @POST
    @Operation(summary = "Report the result of a recovery task")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    // Checked failures (unreadable JSON) roll back too: a refused result leaves nothing behind, not even its nonce.
    @Transactional(rollbackOn = Exception.class)
    public RecoveryResultService.Intake report(
            InputStream body,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(AgentHeaders.TIMESTAMP) String timestamp,
            @HeaderParam(AgentHeaders.NONCE) String nonce)
            throws IOException {
        // The agent is the authenticated one; the task must be its own, whatever the body says.
        Agent agent = authenticator.authenticate(authorization, timestamp, nonce);
        return service.accept(agent, reader.read(body));
    }
}
