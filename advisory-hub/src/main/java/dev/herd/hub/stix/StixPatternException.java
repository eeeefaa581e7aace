package dev.herd.hub.stix;

/** A STIX pattern Herd cannot read: {@code code} says whether it is malformed or only beyond what Herd acts on. */
public class StixPatternException extends Exception {

    /** The pattern is not valid STIX patterning. */
    public static final String INVALID = "pattern-invalid";

    /** The pattern is valid, but asks for something Herd cannot turn into a filter rule. */
    public static final String UNSUPPORTED = "pattern-unsupported";

    private final String code;

    public StixPatternException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
