package dev.herd.gateway.delivery.rules;

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

/**
 * {@code GET /agent/rule-bundle}: the newest rule bundle of the agent's tenant with {@code ETag: "<revision>"}; with
 * {@code If-None-Match} and {@code ?wait=N} it answers when a newer one is stored, else 304 after N seconds; 204 while
 * the tenant has none.
 */
@Path("/agent/rule-bundle")
public class RuleBundleResource {

    private final AgentAuthenticator authenticator;
    private final RuleBundleRepository bundles;
    private final RuleBundleChanges changes;
    private final LongPoll poll;

    public RuleBundleResource(
            AgentAuthenticator authenticator, RuleBundleRepository bundles, RuleBundleChanges changes, LongPoll poll) {
        this.authenticator = authenticator;
        this.bundles = bundles;
        this.changes = changes;
        this.poll = poll;
    }

    @GET
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
        // The tenant is the authenticated agent's own: no request can name another.
        String tenant = agent.tenantId;
        return poll.answer(
                changes,
                tenant,
                LongPoll.held(ifNoneMatch),
                patience,
                () -> bundles.findForTenant(tenant)
                        .map(bundle -> LongPoll.Snapshot.of(bundle.etag(), bundle.body))
                        .orElseGet(LongPoll.Snapshot::none));
    }
}
