package dev.herd.contracts.ratelimit;

import dev.herd.contracts.problem.ProblemDetail;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers a spent budget with a 429 problem and {@code Retry-After}; more specific than the general mapper. */
public class RateLimitedMapper {

    @ServerExceptionMapper
    public Response rateLimited(RateLimitedException e, UriInfo uri) {
        ProblemDetail problem = ProblemDetail.of(429, "Too Many Requests", e.code(), e.getMessage(), List.of());
        return Response.status(429)
                .type(ProblemDetail.MEDIA_TYPE)
                .header("Retry-After", e.retryAfterSeconds())
                .entity(problem.withInstance(
                        uri == null ? null : uri.getRequestUri().getRawPath()))
                .build();
    }
}
