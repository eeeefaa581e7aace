package dev.herd.contracts.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.herd.contracts.input.BadTextException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.CharConversionException;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where every service turns a failure into an RFC 9457 problem details response.
 *
 * <p>Bad input is a 4xx with the rule it broke; anything unexpected is a 500 whose body names only an incident id
 * (the stack trace goes to the log under that id, never to the caller).
 */
public class ProblemDetailsMapper {

    private static final Logger LOG = Logger.getLogger(ProblemDetailsMapper.class);

    @ServerExceptionMapper
    public Response herd(HerdException e, UriInfo uri) {
        return respond(ProblemDetail.of(e.status(), reason(e.status()), e.code(), e.getMessage(), e.errors()), uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<ProblemDetail.FieldError> errors = e.getConstraintViolations().stream()
                .map(ProblemDetailsMapper::fieldError)
                .sorted((a, b) -> String.valueOf(a.field()).compareTo(String.valueOf(b.field())))
                .collect(Collectors.toList());
        return respond(
                ProblemDetail.of(400, "Bad Request", "validation-failed", "The request is not valid.", errors), uri);
    }

    /** Declared for the subtype on purpose, so that it wins over the general JSON mappers below. */
    @ServerExceptionMapper
    public Response badText(BadTextException e, UriInfo uri) {
        return respond(
                ProblemDetail.of(
                        400,
                        "Bad Request",
                        "bad-text",
                        "'" + e.field() + "' " + e.reason() + ".",
                        List.of(new ProblemDetail.FieldError(e.field(), "Text", e.reason()))),
                uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        return badJson("The body is not valid JSON: " + e.getOriginalMessage(), uri);
    }

    /**
     * A body Jackson took for UTF-32 (it starts with NUL bytes) and could not decode: not JSON either (RFC 8259 §8.1
     * wants UTF-8), and a plain IOException, not a JsonProcessingException. Found by fuzzing the hub's push reader.
     */
    @ServerExceptionMapper
    public Response undecodableJson(CharConversionException e, UriInfo uri) {
        return badJson("The body is not JSON in UTF-8: " + e.getMessage(), uri);
    }

    /** Declared for the subtype on purpose: Quarkus ships its own mapper for it, and ours must win. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        String detail = e instanceof InvalidFormatException
                ? "Value of the wrong type at " + path(e) + "."
                : "Unexpected JSON at " + path(e) + ".";
        return badJson(detail, uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return respond(unauthenticated(), uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return respond(unauthenticated(), uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(
                ProblemDetail.of(403, "Forbidden", "forbidden", "Your role does not allow this operation.", List.of()),
                uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof BadTextException text) {
            return badText(text, uri);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            // The JSON reader wraps what it cannot parse (a truncated body, for one) in a plain 400.
            return malformedJson(json, uri);
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String code = reason(status).toLowerCase().replace(' ', '-');
        return respond(ProblemDetail.of(status, reason(status), code, e.getMessage(), List.of()), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (isDataException(e)) {
            // The last line behind the checks at the edge: PostgreSQL refused a value (SQLSTATE class 22).
            LOG.warnf("A value reached the database and was refused: %s", e);
            return respond(
                    ProblemDetail.of(
                            400, "Bad Request", "bad-data", "A value in the request cannot be stored.", List.of()),
                    uri);
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, incident %s", incident);
        return respond(
                ProblemDetail.of(
                        500,
                        "Internal Server Error",
                        "internal-error",
                        "Something went wrong on our side; quote incident " + incident + " to support.",
                        List.of()),
                uri);
    }

    /** True when the failure comes from a PostgreSQL data exception (SQLSTATE class 22: bad text, out of range). */
    public static boolean isDataException(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("22")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static Response badJson(String detail, UriInfo uri) {
        return respond(ProblemDetail.of(400, "Bad Request", "malformed-json", detail, List.of()), uri);
    }

    private static ProblemDetail unauthenticated() {
        return ProblemDetail.of(401, "Unauthorized", "unauthenticated", "A valid bearer token is required.", List.of());
    }

    private static Response respond(ProblemDetail problem, UriInfo uri) {
        return Response.status(problem.status())
                .type(ProblemDetail.MEDIA_TYPE)
                .entity(problem.withInstance(
                        uri == null ? null : uri.getRequestUri().getRawPath()))
                .build();
    }

    private static ProblemDetail.FieldError fieldError(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // Drop the method and parameter prefix ("create.request.") so the field reads as the client wrote it.
        String[] parts = path.split("\\.", 3);
        String field = parts.length == 3 ? parts[2] : parts[parts.length - 1];
        String constraint = violation
                .getConstraintDescriptor()
                .getAnnotation()
                .annotationType()
                .getSimpleName();
        return new ProblemDetail.FieldError(field, constraint, violation.getMessage());
    }

    private static String path(MismatchedInputException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "the top level" : "'" + path + "'";
    }

    private static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : "HTTP " + status;
    }
}
