package dev.herd.contracts.problem;

import java.util.List;

/**
 * A failure Herd expects and explains: an HTTP status, a stable machine-readable code and a message for people.
 */
public class HerdException extends RuntimeException {

    private final int status;
    private final String code;
    private final List<ProblemDetail.FieldError> errors;

    public HerdException(int status, String code, String message) {
        this(status, code, message, List.of());
    }

    public HerdException(int status, String code, String message, List<ProblemDetail.FieldError> errors) {
        super(message);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public static HerdException notFound(String code, String message) {
        return new HerdException(404, code, message);
    }

    public static HerdException conflict(String code, String message) {
        return new HerdException(409, code, message);
    }

    public static HerdException forbidden(String code, String message) {
        return new HerdException(403, code, message);
    }

    public static HerdException badRequest(String code, String message) {
        return new HerdException(400, code, message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<ProblemDetail.FieldError> errors() {
        return errors;
    }
}
