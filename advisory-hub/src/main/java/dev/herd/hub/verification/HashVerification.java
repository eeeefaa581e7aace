package dev.herd.hub.verification;

/**
 * The result of checking a document against its hash file.
 *
 * @param expected the digest the hash file gives, lower-case hex; null if it gives none that can be read
 * @param actual the digest of the document, lower-case hex; null if the hash file could not be read
 * @param message what happened, for people
 */
public record HashVerification(
        HashOutcome outcome, HashAlgorithm algorithm, String expected, String actual, String message) {

    public String code() {
        return outcome.code();
    }

    public boolean matches() {
        return outcome == HashOutcome.MATCH;
    }
}
