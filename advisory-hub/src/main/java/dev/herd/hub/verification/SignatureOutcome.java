package dev.herd.hub.verification;

/** How checking a document's signature ended, from most to least favourable, each with a stable error code. */
public enum SignatureOutcome {
    VALID("signature-valid"),
    KEY_REVOKED("signature-key-revoked"),
    KEY_EXPIRED("signature-key-expired"),
    BAD_SIGNATURE("signature-invalid"),
    UNKNOWN_KEY("signature-unknown-key"),
    MALFORMED_SIGNATURE("signature-malformed");

    private final String code;

    SignatureOutcome(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
