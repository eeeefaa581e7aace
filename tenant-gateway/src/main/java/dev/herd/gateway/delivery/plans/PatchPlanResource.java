package dev.herd.gateway.delivery.plans;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herd.contracts.delivery.PatchPlan;
import dev.herd.gateway.agent.Agent;
import dev.herd.gateway.agent.AgentAuthenticator;
import dev.herd.gateway.agent.AgentHeaders;
import dev.herd.gateway.delivery.LongPoll;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /agent/patch-plans}: the agent's pending patch plans, oldest first, with an ETag over that set; with
 * {@code If-None-Match} and {@code ?wait=N} it answers when the set changes, else 304 after N seconds.
 */
@Path("/agent/patch-plans")
@Tag(name = "Agent: patch plans")
@SecurityRequirement(name = "agent")
public class PatchPlanResource {

    private final AgentAuthenticator authenticator;
    private final PatchPlanRepository plans;
    private final PatchPlanChanges changes;
    private final LongPoll poll;

    public PatchPlanResource(
            AgentAuthenticator authenticator, PatchPlanRepository plans, PatchPlanChanges changes, LongPoll poll) {
        this.authenticator = authenticator;
        this.plans = plans;
        this.changes = changes;
        this.poll = poll;
    }

    @GET
    @Operation(summary = "Fetch the agent's pending patch plans, waiting for a change")
    @APIResponse(
            responseCode = "200",
            description = "The agent's pending patch plans.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = PatchPlan.class)))
    @APIResponse(
            responseCode = "304",
            description = "The plans held are the pending ones; nothing changed while waiting.")
    @Produces(MediaType.APPLICATION_JSON)
    // Authentication and reads block; the wait itself holds no thread (see LongPoll).
    @Blocking
    public Uni<Response> get(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(AgentHeaders.TIMESTAMP) String timestamp,
            @HeaderParam(AgentHeaders.NONCE) String nonce,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @QueryParam("wait") String wait) {
        Agent agent = QuarkusTransaction.requiringNew()
                .call(() -> authenticator.authenticate(authorization, timestamp, nonce));
        Duration patience = poll.waitOf(wait);
        String tenant = agent.tenantId;
        UUID agentId = agent.id;
        return poll.answer(changes, agentId, LongPoll.held(ifNoneMatch), patience, () -> {
            List<StoredPatchPlan> pending = plans.pending(tenant, agentId);
            List<JsonNode> bodies = pending.stream().map(plan -> plan.body).toList();
            return LongPoll.Snapshot.of(etag(pending), bodies);
        });
    }

    /** A tag for exactly this set of pending plans: a SHA-256 prefix over their ids in order. */
    static String etag(List<StoredPatchPlan> pending) {
        return LongPoll.etag("plans", pending.stream().map(plan -> plan.planId).toList());
    }
}
