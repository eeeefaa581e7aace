package dev.herd.contracts.enrolment;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The SHA-256 of a CA certificate's DER encoding, as 64 lower-case hex digits: what an enrolment token pins. Also read
 * with colons and in upper case, as {@code keytool -printcert} and {@code openssl x509 -fingerprint -sha256} print it.
 */
public record CaFingerprint(String hex) {

    private static final int HEX_DIGITS = 64;

    public CaFingerprint {
        if (hex == null || hex.length() != HEX_DIGITS || !hex.chars().allMatch(CaFingerprint::lowerHex)) {
            throw new IllegalArgumentException("a CA fingerprint is 64 lower-case hex digits (SHA-256)");
        }
    }

    /**
     * Reads {@code text} as a SHA-256 fingerprint: 64 hex digits, optionally in pairs separated by colons.
     *
     * @throws IllegalArgumentException naming what is wrong with it
     */
    public static CaFingerprint parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the CA fingerprint is empty");
        }
        String digits = text.strip().replace(":", "").toLowerCase(Locale.ROOT);
        if (digits.length() != HEX_DIGITS || !digits.chars().allMatch(CaFingerprint::lowerHex)) {
            throw new IllegalArgumentException("the CA fingerprint '" + shorten(text)
                    + "' is not a SHA-256 fingerprint (64 hex digits, colons allowed)");
        }
        return new CaFingerprint(digits);
    }

    /** The fingerprint of {@code certificate}'s DER encoding. */
    public static CaFingerprint of(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return new CaFingerprint(HexFormat.of().formatHex(digest));
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint " + certificate.getSubjectX500Principal(), e);
        }
    }

    /** Whether {@code certificate} is the CA this fingerprint names. */
    public boolean matches(X509Certificate certificate) {
        return equals(of(certificate));
    }

    /** Colon-separated upper-case pairs, as keytool and openssl print fingerprints. */
    public String colons() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < HEX_DIGITS; i += 2) {
            text.append(i == 0 ? "" : ":").append(hex, i, i + 2);
        }
        return text.toString().toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return hex;
    }

    private static boolean lowerHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }

    private static String shorten(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "...";
    }
}
