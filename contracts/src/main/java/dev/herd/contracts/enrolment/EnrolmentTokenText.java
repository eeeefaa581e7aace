package dev.herd.contracts.enrolment;

import java.util.Optional;

/**
 * An enrolment token as the portal or gateway hands it out: {@code SECRET.FINGERPRINT}, the one-time secret
 * (base64url) and the SHA-256 fingerprint of the gateway's CA (64 hex digits) that the agent pins. A token without the
 * fingerprint part ({@code SECRET} alone) comes from a gateway without TLS, or from before TLS; the agent uses it only
 * where plain HTTP to the gateway is explicitly allowed. The gateway stores the hash of the whole text, so the
 * fingerprint cannot be changed without the token becoming unknown.
 */
public record EnrolmentTokenText(String text, Optional<CaFingerprint> caFingerprint) {

    private static final int MAX_LENGTH = 512;

    /** A new token's text: {@code secret}, and {@code .fingerprint} when the gateway has a CA. */
    public static EnrolmentTokenText issue(String secret, Optional<CaFingerprint> caFingerprint) {
        if (secret.isEmpty() || secret.indexOf('.') >= 0) {
            throw new IllegalArgumentException("an enrolment secret is base64url without '.'");
        }
        return new EnrolmentTokenText(
                caFingerprint.map(fp -> secret + "." + fp.hex()).orElse(secret), caFingerprint);
    }

    /**
     * Reads a token as it was given.
     *
     * @throws IllegalArgumentException naming what is wrong: empty, too long, more than one '.', an empty secret, or a
     *     fingerprint that is not 64 hex digits
     */
    public static EnrolmentTokenText parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the enrolment token is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the enrolment token is longer than " + MAX_LENGTH + " characters");
        }
        int dot = text.indexOf('.');
        if (dot < 0) {
            return new EnrolmentTokenText(text, Optional.empty());
        }
        if (dot == 0 || text.indexOf('.', dot + 1) >= 0) {
            throw new IllegalArgumentException(
                    "the enrolment token is not SECRET.FINGERPRINT (one '.', a secret before it)");
        }
        String fingerprint = text.substring(dot + 1);
        if (fingerprint.length() != 64 || !fingerprint.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("the enrolment token's CA fingerprint '" + shorten(fingerprint)
                    + "' is not 64 hex digits (the SHA-256 of the gateway's CA certificate)");
        }
        return new EnrolmentTokenText(text, Optional.of(CaFingerprint.parse(fingerprint)));
    }

    @Override
    public String toString() {
        return "EnrolmentTokenText[caFingerprint=" + caFingerprint + "]";
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
