package dev.herd.hub.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.problem.BoundedBody;
import dev.herd.contracts.ratelimit.CallerRateLimiter;
import dev.herd.contracts.tenancy.CurrentCaller;
import dev.herd.contracts.tenancy.Roles;
import dev.herd.hub.HubConfig;
import dev.herd.hub.advisory.Submission;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The push API: a provider submits one advisory document or a JSON array of them. The answer lists every document
 * with what became of it; {@code Accept: application/x-ndjson} gives one JSON object per line instead.
 */
@Path("/api/advisories")
@Tag(name = "Advisory push")
public class IngestResource {

    static final String NDJSON = "application/x-ndjson";

    /** Verified documents stored per transaction. */
    private static final int STORE_CHUNK = 200;

    /** The budget of pushes per caller ({@code herd.rate-limit.advisory-push.*}); a push may carry a whole batch. */
    public static final String LIMIT = "advisory-push";

    private final Submitter submitter;
    private final IngestService ingest;
    private final ObjectMapper json;
    private final HubConfig config;
    private final CurrentCaller caller;
    private final CallerRateLimiter limiter;

    public IngestResource(
            Submitter submitter,
            IngestService ingest,
            ObjectMapper json,
            HubConfig config,
            CurrentCaller caller,
            CallerRateLimiter limiter) {
        this.submitter = submitter;
        this.ingest = ingest;
        this.json = json;
        this.config = config;
        this.caller = caller;
        this.limiter = limiter;
    }

    @POST
    @Operation(summary = "Push advisory documents, one or a batch")
    @APIResponse(
            responseCode = "200",
            description =
                    "What became of each document: a report, or with Accept application/x-ndjson one result a line.",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IngestReport.class)),
                @Content(mediaType = NDJSON, schema = @Schema(implementation = IngestResult.class))
            })
    @APIResponse(responseCode = "413", description = "The body is larger than the push API reads.")
    @APIResponse(
            responseCode = "429",
            description = "The provider used up its request budget; Retry-After says when to try again.")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROVIDER, Roles.MSSP_ADMIN})
    public Response push(
            InputStream body, @QueryParam("provider") String provider, @HeaderParam("Accept") String accept)
            throws IOException {
        limiter.admit(LIMIT, caller.get().subject());
        Submission submission = submitter.resolve(provider);
        JsonBatch batch = new JsonBatch(
                json,
                BoundedBody.read(
                        body, config.push().maxBodyBytes(), "body-too-large", "one JSON document or a smaller batch"));
        batch.requireWellFormed();
        List<IngestResult> results = new ArrayList<>();
        List<IngestService.Verified> pending = new ArrayList<>();
        batch.forEachDocument((index, document) -> {
            IngestService.Verification verified = ingest.verify(submission, document, index);
            if (verified.rejected() != null) {
                results.add(verified.rejected());
            } else {
                pending.add(verified.verified());
            }
            if (pending.size() == STORE_CHUNK) {
                results.addAll(ingest.store(submission, pending));
                pending.clear();
            }
        });
        if (!pending.isEmpty()) {
            results.addAll(ingest.store(submission, pending));
        }
        results.sort(Comparator.comparingInt(IngestResult::index));
        if (accept != null && accept.contains(NDJSON)) {
            StringBuilder lines = new StringBuilder();
            for (IngestResult result : results) {
                lines.append(json.writeValueAsString(result)).append('\n');
            }
            return Response.ok(lines.toString(), NDJSON).build();
        }
        return Response.ok(IngestReport.of(results), MediaType.APPLICATION_JSON).build();
    }
}
