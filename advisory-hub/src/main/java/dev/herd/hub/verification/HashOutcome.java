package dev.herd.hub.verification;

/** How checking a document against its hash file ended, each with a stable error code. */
public enum HashOutcome {
    MATCH("hash-match"),
    MISMATCH("hash-mismatch"),
    NAME_MISMATCH("hash-file-name-mismatch"),
    MALFORMED("hash-file-malformed");

    private final String code;

    HashOutcome(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
