package dev.herd.gateway.enrolment;

import dev.herd.contracts.enrolment.CaFingerprint;
import dev.herd.contracts.enrolment.EnrolmentTokenText;
import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.ratelimit.CallerRateLimiter;
import dev.herd.contracts.tenancy.Caller;
import dev.herd.contracts.tenancy.CurrentCaller;
import dev.herd.contracts.tenancy.Roles;
import dev.herd.gateway.GatewayConfig;
import dev.herd.gateway.agent.Secrets;
import dev.herd.gateway.tls.GatewayCa;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Issues one-time enrolment tokens: a gateway or tenant admin for its own tenant, an MSSP admin for the tenant it
 * names. The token is shown once; only its hash is kept.
 */
@Path("/api/enrolment-tokens")
@Tag(name = "Enrolment tokens")
public class EnrolmentTokenResource {

    /** What to issue a token for; {@code tenantId} is required of MSSP admins and optional for tenant-bound callers. */
    public record IssueRequest(@Size(max = 63) String tenantId) {}

    /**
     * A newly issued token: the only time {@code token} is shown. {@code caFingerprint} is the SHA-256 of the gateway's
     * CA that the token carries (after its '.'), null when the gateway has none (plain HTTP only).
     */
    public record IssuedToken(UUID id, String tenantId, String token, String caFingerprint, Instant expiresAt) {}

    /** A token as listings show it: never the secret. */
    public record TokenView(
            UUID id,
            String tenantId,
            String createdBy,
            Instant createdAt,
            Instant expiresAt,
            Instant usedAt,
            UUID agentId) {

        static TokenView of(EnrolmentToken token) {
            return new TokenView(
                    token.id,
                    token.tenantId,
                    token.createdBy,
                    token.createdAt,
                    token.expiresAt,
                    token.usedAt,
                    token.agentId);
        }
    }

    /** The budget of tokens issued per caller ({@code herd.rate-limit.enrolment-tokens.*}). */
    static final String LIMIT = "enrolment-tokens";

    private final EnrolmentTokenRepository tokens;
    private final CurrentCaller caller;
    private final GatewayConfig config;
    private final CallerRateLimiter limiter;
    private final GatewayCa ca;

    public EnrolmentTokenResource(
            EnrolmentTokenRepository tokens,
            CurrentCaller caller,
            GatewayConfig config,
            CallerRateLimiter limiter,
            GatewayCa ca) {
        this.tokens = tokens;
        this.caller = caller;
        this.config = config;
        this.limiter = limiter;
        this.ca = ca;
    }

    @POST
    @Operation(summary = "Issue a one-time enrolment token")
    @APIResponse(
            responseCode = "201",
            description = "The token; shown this once.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IssuedToken.class)))
    @APIResponse(
            responseCode = "429",
            description = "The caller used up its token budget; Retry-After says when to try again.")
    @Transactional
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.TENANT_ADMIN, Roles.GATEWAY})
    public Response issue(@Valid IssueRequest request) {
        Caller who = caller.get();
        limiter.admit(LIMIT, who.subject());
        String tenant = tenantFor(who, request == null ? null : request.tenantId());
        EnrolmentTokenText secret = EnrolmentTokenText.issue(Secrets.generate(), ca.fingerprint());
        EnrolmentToken token = new EnrolmentToken();
        token.id = UUID.randomUUID();
        token.tenantId = tenant;
        // The whole text, fingerprint included: a token whose fingerprint was changed is unknown.
        token.tokenHash = Secrets.hash(secret.text());
        token.createdAt = Instant.now();
        token.createdBy = who.subject();
        token.expiresAt = token.createdAt.plus(config.enrolment().tokenValidity());
        tokens.persist(token);
        return Response.status(201)
                .entity(new IssuedToken(
                        token.id,
                        tenant,
                        secret.text(),
                        secret.caFingerprint().map(CaFingerprint::hex).orElse(null),
                        token.expiresAt))
                .build();
    }

    @GET
    @Operation(summary = "List issued enrolment tokens")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.GATEWAY})
    public List<TokenView> list() {
        return tokens.listVisible(caller.get().tenantScope()).stream()
                .map(TokenView::of)
                .toList();
    }

    private static String tenantFor(Caller who, String named) {
        if (named == null || named.isBlank()) {
            if (who.isMsspStaff()) {
                throw HerdException.badRequest("tenant-required", "Name the tenant the token is for in 'tenantId'.");
            }
            return who.boundTenant();
        }
        who.requireAccessTo(named);
        return named;
    }
}
