package dev.herd.hub.stix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.problem.BoundedBody;
import dev.herd.contracts.ratelimit.CallerRateLimiter;
import dev.herd.contracts.tenancy.CurrentCaller;
import dev.herd.contracts.tenancy.Roles;
import dev.herd.hub.HubConfig;
import dev.herd.hub.advisory.Submission;
import dev.herd.hub.ingest.IngestResource;
import dev.herd.hub.ingest.Submitter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The STIX push: a provider submits a STIX 2.1 bundle of indicators, which become community-style advisories. Same
 * callers, provider resolution and request budget as {@code POST /api/advisories}; a bad bundle is one 400 problem.
 */
@Path("/api/advisories/stix")
@Tag(name = "Advisory push")
public class StixBundleResource {

    private final Submitter submitter;
    private final StixBundleService bundles;
    private final ObjectMapper json;
    private final HubConfig config;
    private final CurrentCaller caller;
    private final CallerRateLimiter limiter;

    public StixBundleResource(
            Submitter submitter,
            StixBundleService bundles,
            ObjectMapper json,
            HubConfig config,
            CurrentCaller caller,
            CallerRateLimiter limiter) {
        this.submitter = submitter;
        this.bundles = bundles;
        this.json = json;
        this.config = config;
        this.caller = caller;
        this.limiter = limiter;
    }

    @POST
    @Operation(summary = "Push a STIX 2.1 bundle of indicators")
    @APIResponse(
            responseCode = "200",
            description = "What became of the bundle's indicators.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = StixPushResult.class)))
    @APIResponse(responseCode = "413", description = "The bundle is larger than the hub accepts.")
    @APIResponse(
            responseCode = "429",
            description = "The provider used up its request budget; Retry-After says when to try again.")
    @Consumes({"application/stix+json", MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROVIDER, Roles.MSSP_ADMIN})
    public StixPushResult push(InputStream body, @QueryParam("provider") String provider) throws IOException {
        limiter.admit(IngestResource.LIMIT, caller.get().subject());
        Submission submission = submitter.resolve(provider);
        byte[] bytes = BoundedBody.read(
                body, config.taxii().maxBundleBytes(), "body-too-large", "a smaller STIX bundle, or several");
        JsonNode bundle = json.readTree(bytes);
        return bundles.store(
                submission, StixBundleReader.read(bundle, config.taxii().maxBundleObjects(), Instant.now()));
    }
}
