package dev.herd.gateway.delivery.rules;

import dev.herd.contracts.delivery.RuleBundle;
import dev.herd.contracts.problem.HerdException;
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
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /agent/rule-bundle}: the newest rule bundle of the agent's tenant with {@code ETag: "<revision>"}; with
 * {@code If-None-Match} and {@code ?wait=N} it answers when a newer one is stored, else 304 after N seconds; 204 while
 * the tenant has none. An agent that sends {@code A-IM: herd-delta} and holds an older revision gets a delta (226 IM
 * Used, {@link RuleBundleAnswers}); an {@code If-None-Match} that is not {@code *} or quoted revisions is 400.
 */
@Path("/agent/rule-bundle")
@Tag(name = "Agent: rule bundles")
@SecurityRequirement(name = "agent")
public class RuleBundleResource {

    private static final Pattern REVISION_TAG = Pattern.compile("\"[0-9]{1,18}\"");

    private final AgentAuthenticator authenticator;
    private final RuleBundleAnswers answers;
    private final RuleBundleChanges changes;
    private final LongPoll poll;

    public RuleBundleResource(
            AgentAuthenticator authenticator, RuleBundleAnswers answers, RuleBundleChanges changes, LongPoll poll) {
        this.authenticator = authenticator;
        this.answers = answers;
        this.changes = changes;
        this.poll = poll;
    }

    @GET
    @Operation(summary = "Fetch the tenant's newest rule bundle, waiting for a newer one")
    @APIResponse(
            responseCode = "200",
            description = "The whole rule bundle.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RuleBundle.class)))
    @APIResponse(
            responseCode = "226",
            description = "The changes since the bundle named in If-None-Match (A-IM: delta; RFC 3229).",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RuleBundle.class)))
    @APIResponse(responseCode = "304", description = "The bundle held is the newest; nothing changed while waiting.")
    @Produces(MediaType.APPLICATION_JSON)
    // Authentication and reads block; the wait itself holds no thread (see LongPoll).
    @Blocking
    public Uni<Response> get(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(AgentHeaders.TIMESTAMP) String timestamp,
            @HeaderParam(AgentHeaders.NONCE) String nonce,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam("A-IM") String acceptedManipulations,
            @QueryParam("wait") String wait) {
        Agent agent = QuarkusTransaction.requiringNew()
                .call(() -> authenticator.authenticate(authorization, timestamp, nonce));
        Duration patience = poll.waitOf(wait);
        Set<String> etags = LongPoll.held(ifNoneMatch);
        Optional<Long> held = heldRevision(etags);
        boolean delta = acceptsDelta(acceptedManipulations);
        // The tenant is the authenticated agent's own: no request can name another.
        String tenant = agent.tenantId;
        return poll.answer(changes, tenant, etags, patience, () -> answers.answer(tenant, etags, held, delta));
    }

    /** The newest revision among the tags; every tag must be {@code *} or a quoted revision. */
    static Optional<Long> heldRevision(Set<String> etags) {
        Optional<Long> held = Optional.empty();
        for (String tag : etags) {
            if (tag.equals("*")) {
                continue;
            }
            if (!REVISION_TAG.matcher(tag).matches()) {
                throw HerdException.badRequest(
                        "if-none-match-invalid",
                        "If-None-Match must be * or the quoted revision of a rule bundle, such as \"12\".");
            }
            long revision = Long.parseLong(tag.substring(1, tag.length() - 1));
            held = Optional.of(held.map(h -> Math.max(h, revision)).orElse(revision));
        }
        return held;
    }

    static boolean acceptsDelta(String acceptedManipulations) {
        if (acceptedManipulations == null) {
            return false;
        }
        return Arrays.stream(acceptedManipulations.split(","))
                .map(token -> token.split(";")[0].trim())
                .anyMatch(RuleBundleAnswers.DELTA::equalsIgnoreCase);
    }
}
