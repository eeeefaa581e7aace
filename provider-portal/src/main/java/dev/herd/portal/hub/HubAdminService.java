package dev.herd.portal.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.problem.HerdException;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Reads the advisory hub for the admin pages with the signed-in user's access token: the hub's own role checks apply
 * (providers, sources, rejections, community advisories; revoking is MSSP admins' only). The hub's refusals come back
 * as the same problem (status, code, detail); a hub that cannot be reached is 503 {@code hub-unavailable}.
 */
@RequestScoped
public class HubAdminService {

    /** The rejection log is read this many entries a page. */
    public static final int REJECTIONS_PER_PAGE = 50;

    private final HubClient hub;
    private final SecurityIdentity identity;
    private final ObjectMapper json;

    public HubAdminService(@RestClient HubClient hub, SecurityIdentity identity, ObjectMapper json) {
        this.hub = hub;
        this.identity = identity;
        this.json = json;
    }

    public List<HubViews.Provider> providers() {
        return call(hub::providers);
    }

    public List<HubViews.Source> sources() {
        return call(hub::sources);
    }

    /** One page of the rejection log, newest first; {@code page} counts from 0. */
    public List<HubViews.Rejection> rejections(int page) {
        return call(bearer -> hub.rejections(bearer, page, REJECTIONS_PER_PAGE));
    }

    public List<HubViews.CommunityAdvisory> community() {
        return call(hub::community);
    }

    /** Revokes a community advisory for good; a blank reason is a 400 before the hub is asked. */
    public HubViews.CommunityAdvisory revoke(String id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw HerdException.badRequest("revocation-reason-missing", "reason: say why the advisory is revoked.");
        }
        if (reason.length() > 2000) {
            throw HerdException.badRequest("revocation-reason-too-long", "reason: at most 2,000 characters.");
        }
        return call(bearer -> hub.revoke(bearer, id, new HubViews.Revocation(reason.strip())));
    }

    private <T> T call(Function<String, T> request) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null) {
            throw HerdException.forbidden("hub-token-missing", "The session carries no access token for the hub.");
        }
        try {
            return request.apply("Bearer " + token.getToken());
        } catch (WebApplicationException e) {
            throw refused(e);
        } catch (ProcessingException e) {
            throw new HerdException(
                    503, "hub-unavailable", "The advisory hub cannot be reached: " + rootMessage(e) + ".");
        }
    }

    /** The hub's problem details (RFC 9457) carried over, or its status alone when it sent none. */
    private HerdException refused(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String code = "hub-refused";
        String detail = "The advisory hub answered " + status + ".";
        try {
            JsonNode problem = json.readTree(e.getResponse().readEntity(String.class));
            code = problem.path("code").asText(code);
            detail = problem.path("detail").asText(detail);
        } catch (RuntimeException | java.io.IOException ignored) {
            // not problem details: keep the status alone
        }
        return new HerdException(status >= 400 && status < 600 ? status : 502, code, detail);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
