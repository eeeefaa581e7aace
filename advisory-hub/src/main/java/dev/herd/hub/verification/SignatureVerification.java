package dev.herd.hub.verification;

/**
 * The result of checking a document's signature.
 *
 * @param signingKeyFingerprint the key that made the signature (a subkey, possibly), when known
 * @param providerKeyFingerprint the registered provider key it belongs to, when there is one
 * @param message what happened, for people, naming the key
 */
public record SignatureVerification(
        SignatureOutcome outcome, String signingKeyFingerprint, String providerKeyFingerprint, String message) {

    public String code() {
        return outcome.code();
    }

    public boolean valid() {
        return outcome == SignatureOutcome.VALID;
    }

    static SignatureVerification malformed(String message) {
        return new SignatureVerification(SignatureOutcome.MALFORMED_SIGNATURE, null, null, message);
    }

    static SignatureVerification unknownKey(String signingKeyFingerprint, String message) {
        return new SignatureVerification(SignatureOutcome.UNKNOWN_KEY, signingKeyFingerprint, null, message);
    }

    /** Whichever of the two says most for the document, the first on a tie. */
    SignatureVerification orBetter(SignatureVerification other) {
        return other.outcome.compareTo(outcome) < 0 ? other : this;
    }
}
