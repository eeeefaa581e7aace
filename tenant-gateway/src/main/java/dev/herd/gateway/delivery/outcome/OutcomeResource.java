package dev.herd.gateway.delivery.outcome;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /agent/outcomes}: what an agent reports after applying a rule bundle or a patch plan. */
@Path("/agent/outcomes")
@Tag(name = "Agent: outcomes")
@SecurityRequirement(name = "agent")
public class OutcomeResource {

    private final AgentAuthenticator authenticator;
    private final OutcomeReader reader;
    private final OutcomeService service;

    public OutcomeResource(AgentAuthenticator authenticator, OutcomeReader reader, OutcomeService service) {
        this.authenticator = authenticator;
        this.reader = reader;
        this.service = service;
    }

    @POST
    @Operation(summary = "Report the outcome of applying a rule bundle or patch plan")
    @APIResponse(
            responseCode = "200",
            description = "The outcome taken in.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = OutcomeService.Intake.class)))
    @APIResponse(responseCode = "409", description = "The outcome id is taken by another outcome.")
    @APIResponse(responseCode = "413", description = "The outcome is larger than the gateway accepts.")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    // Checked failures (unreadable JSON) roll back too: a refused outcome leaves nothing behind, not even its nonce.
    @Transactional(rollbackOn = Exception.class)
    public OutcomeService.Intake report(
            InputStream body,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(AgentHeaders.TIMESTAMP) String timestamp,
            @HeaderParam(AgentHeaders.NONCE) String nonce)
            throws IOException {
        // Tenant, agent and machine are the authenticated agent's own; what the body says about them is ignored.
        Agent agent = authenticator.authenticate(authorization, timestamp, nonce);
        return service.accept(agent, reader.read(body));
    }
}
