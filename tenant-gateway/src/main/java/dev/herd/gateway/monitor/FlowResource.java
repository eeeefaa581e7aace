package dev.herd.gateway.monitor;

import dev.herd.contracts.ratelimit.CallerRateLimiter;
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
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /agent/flows}: a batch of an agent's (or sensor's) flow records, stored for its tenant and forwarded. */
@Path("/agent/flows")
@Tag(name = "Agent: flows")
@SecurityRequirement(name = "agent")
public class FlowResource {

    /** The budget of flow batches per agent or sensor ({@code herd.rate-limit.agent-flows.*}). */
    static final String LIMIT = "agent-flows";

    private final AgentAuthenticator authenticator;
    private final FlowReader reader;
    private final FlowService service;
    private final CallerRateLimiter limiter;

    public FlowResource(
            AgentAuthenticator authenticator, FlowReader reader, FlowService service, CallerRateLimiter limiter) {
        this.authenticator = authenticator;
        this.reader = reader;
        this.service = service;
        this.limiter = limiter;
    }

    @POST
    @Operation(summary = "Send a batch of flow records")
    @APIResponse(
            responseCode = "202",
            description = "The records taken in.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = FlowService.Intake.class)))
    @APIResponse(responseCode = "413", description = "The batch is larger than the gateway accepts.")
    @APIResponse(
            responseCode = "429",
            description = "The agent used up its flow budget; Retry-After says when to try again.")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    // Checked failures (unreadable JSON) roll back too: a refused batch leaves nothing behind, not even its nonce.
    @Transactional(rollbackOn = Exception.class)
    public Response submit(
            InputStream body,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(AgentHeaders.TIMESTAMP) String timestamp,
            @HeaderParam(AgentHeaders.NONCE) String nonce)
            throws IOException {
        // The tenant is the authenticated agent's own; nothing in the body can name another.
        Agent agent = authenticator.authenticate(authorization, timestamp, nonce);
        limiter.admit(LIMIT, agent.id.toString());
        return Response.accepted(service.accept(agent, reader.read(body))).build();
    }
}
