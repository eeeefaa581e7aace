package dev.herd.helmcheck;

/** The chart could not be rendered: a template, values or YAML error, with Helm's or the parser's message. */
final class ChartException extends RuntimeException {

    ChartException(String message, Throwable cause) {
        super(message, cause);
    }
}
