package dev.herd.gateway.report;

import dev.herd.contracts.ratelimit.CallerRateLimiter;
import dev.herd.gateway.agent.Agent;
import dev.herd.gateway.agent.AgentAuthenticator;
import dev.herd.gateway.agent.AgentHeaders;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /agent/reports}: an enrolled agent's machine report, stored for its own tenant and forwarded. */
@Path("/agent/reports")
@Tag(name = "Agent: reports")
@SecurityRequirement(name = "agent")
public class ReportResource {

    /** The budget of reports per agent ({@code herd.rate-limit.agent-reports.*}). */
    static final String LIMIT = "agent-reports";

    private final AgentAuthenticator authenticator;
    private final ReportReader reader;
    private final ReportService service;
    private final CallerRateLimiter limiter;

    public ReportResource(
            AgentAuthenticator authenticator, ReportReader reader, ReportService service, CallerRateLimiter limiter) {
        this.authenticator = authenticator;
        this.reader = reader;
        this.service = service;
        this.limiter = limiter;
    }

    @POST
    @Operation(summary = "Send a machine report")
    @APIResponse(
            responseCode = "200",
            description = "The report taken in.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReportService.Intake.class)))
    @APIResponse(responseCode = "409", description = "The agent's first report must be FULL.")
    @APIResponse(responseCode = "413", description = "The report is larger than the gateway accepts.")
    @APIResponse(
            responseCode = "429",
            description = "The agent used up its report budget; Retry-After says when to try again.")
    @Consumes(MediaType.APPLICATION_JSON)
    // The body as bytes, read by the event loop before this method runs: an InputStream would hand every chunk of
    // a 140 KiB report from the event loop to this thread one at a time. quarkus.http.limits.max-body-size bounds it.
    // Checked failures (unreadable JSON) roll back too: a refused report leaves nothing behind, not even its nonce.
    @Transactional(rollbackOn = Exception.class)
    public ReportService.Intake submit(
            byte[] body,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(AgentHeaders.TIMESTAMP) String timestamp,
            @HeaderParam(AgentHeaders.NONCE) String nonce)
            throws IOException {
        // The tenant is the authenticated agent's own; nothing in the body can name another.
        Agent agent = authenticator.authenticate(authorization, timestamp, nonce);
        limiter.admit(LIMIT, agent.id.toString());
        return service.accept(agent, reader.read(body));
    }
}
