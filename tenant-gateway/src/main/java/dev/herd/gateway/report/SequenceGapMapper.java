package dev.herd.gateway.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herd.contracts.problem.ProblemDetail;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The {@code sequence-gap} problem with the RFC 9457 extension member {@code expectedSequence}: the shared
 * {@code ProblemDetailsMapper} has no extension members, and this one is more specific, so it wins for this exception.
 */
public class SequenceGapMapper {

    private final ObjectMapper json;

    public SequenceGapMapper(ObjectMapper json) {
        this.json = json;
    }

    @ServerExceptionMapper
    public Response sequenceGap(SequenceGapException e, UriInfo uri) {
        ProblemDetail problem = ProblemDetail.of(e.status(), "Conflict", e.code(), e.getMessage(), e.errors())
                .withInstance(uri == null ? null : uri.getRequestUri().getRawPath());
        ObjectNode body = json.valueToTree(problem);
        body.put("expectedSequence", e.expectedSequence());
        return Response.status(e.status())
                .type(ProblemDetail.MEDIA_TYPE)
                .entity(body)
                .build();
    }
}
