package dev.herd.contracts.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem details body, with Herd's stable error {@code code} and per-field {@code errors} as extensions.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProblemDetail(
        URI type, String title, int status, String detail, String instance, String code, List<FieldError> errors) {

    /** Media type of a problem details body (RFC 9457 section 3). */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** Base of the {@code type} URI; the stable code is appended so clients can key on either. */
    public static final String TYPE_BASE = "https://herd.dev/problems/";

    /** One error inside a problem: where it is ({@code field}, may be null), its stable code and a readable message. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String code, String message) {}

    public static ProblemDetail of(int status, String title, String code, String detail, List<FieldError> errors) {
        return new ProblemDetail(URI.create(TYPE_BASE + code), title, status, detail, null, code, errors);
    }

    public ProblemDetail withInstance(String instancePath) {
        return new ProblemDetail(type, title, status, detail, instancePath, code, errors);
    }
}
