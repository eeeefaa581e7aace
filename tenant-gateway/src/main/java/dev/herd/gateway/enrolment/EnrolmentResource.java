package dev.herd.gateway.enrolment;

import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.problem.ProblemDetail.FieldError;
import dev.herd.contracts.ratelimit.CallerRateLimiter;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /agent/enrol}: an agent without any credential yet trades a one-time enrolment token for one. */
@Path("/agent/enrol")
@Tag(name = "Agent: enrolment")
@SecurityRequirements
public class EnrolmentResource {

    /** The enrolment request: the token from the portal or admin API, and who the machine is. */
    public record EnrolRequest(String token, String hostname, String machineId) {}

    /** The budget of enrolment attempts per client address ({@code herd.rate-limit.enrolment.*}): no credential yet. */
    static final String LIMIT = "enrolment";

    private final EnrolmentService enrolment;
    private final CallerRateLimiter limiter;

    public EnrolmentResource(EnrolmentService enrolment, CallerRateLimiter limiter) {
        this.enrolment = enrolment;
        this.limiter = limiter;
    }

    @POST
    @Operation(summary = "Trade a one-time enrolment token for an agent credential")
    @APIResponse(
            responseCode = "201",
            description = "The agent's id and credential.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EnrolmentService.Enrolled.class)))
    @APIResponse(responseCode = "401", description = "The enrolment token is unknown or expired.")
    @APIResponse(responseCode = "403", description = "The enrolment token was used already.")
    @APIResponse(
            responseCode = "429",
            description = "Too many enrolment attempts from this address; Retry-After says when to try again.")
    public Response enrol(EnrolRequest request, @Context HttpServerRequest http) {
        // Before anything else: guessing tokens costs a request of the budget, valid or not.
        limiter.admit(LIMIT, http.remoteAddress().hostAddress());
        List<FieldError> errors = new ArrayList<>();
        require(errors, "token", request == null ? null : request.token(), 256);
        require(errors, "hostname", request == null ? null : request.hostname(), 253);
        require(errors, "machineId", request == null ? null : request.machineId(), 255);
        if (!errors.isEmpty()) {
            throw new HerdException(400, "validation-failed", "The enrolment request is not valid.", errors);
        }
        return Response.status(201)
                .entity(enrolment.enrol(request.token(), request.hostname(), request.machineId()))
                .build();
    }

    private static void require(List<FieldError> errors, String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "NotBlank", "must not be blank"));
        } else if (value.length() > maxLength) {
            errors.add(new FieldError(field, "Size", "must be at most " + maxLength + " characters"));
        }
    }
}
