package dev.herd.hub.verification;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A raw Ed25519 public key registered for a provider, read from PEM or from base64 of its 32 bytes. */
public final class Ed25519ProviderKey {

    // SubjectPublicKeyInfo of an Ed25519 key is this fixed DER prefix (RFC 8410) followed by the 32 key bytes.
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final int KEY_LENGTH = 32;
    private static final Pattern PEM =
            Pattern.compile("-----BEGIN ([A-Z ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

    private final PublicKey publicKey;
    private final String fingerprint;

    private Ed25519ProviderKey(PublicKey publicKey, byte[] raw) {
        this.publicKey = publicKey;
        this.fingerprint = HexFormat.of().withUpperCase().formatHex(sha256(raw));
    }

    /** Reads {@code -----BEGIN PUBLIC KEY-----} PEM or the base64 of the raw 32-byte key. */
    public static Ed25519ProviderKey parse(String text) {
        if (text == null || text.isBlank()) {
            throw InvalidProviderKeyException.empty();
        }
        String stripped = text.strip();
        Matcher pem = PEM.matcher(stripped);
        if (pem.matches()) {
            if (pem.group(1).contains("PRIVATE")) {
                throw InvalidProviderKeyException.secret();
            }
            if (!pem.group(1).equals("PUBLIC KEY")) {
                throw InvalidProviderKeyException.malformed("PEM block " + pem.group(1) + " is not a PUBLIC KEY.");
            }
            byte[] spki = decodeBase64(pem.group(2));
            if (spki.length != SPKI_PREFIX.length + KEY_LENGTH
                    || !Arrays.equals(spki, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
                throw InvalidProviderKeyException.malformed("the PEM public key is not an Ed25519 key.");
            }
            return of(Arrays.copyOfRange(spki, SPKI_PREFIX.length, spki.length));
        }
        byte[] raw = decodeBase64(stripped);
        if (raw.length != KEY_LENGTH) {
            throw InvalidProviderKeyException.malformed(
                    "an Ed25519 public key has 32 bytes, this one has " + raw.length + ".");
        }
        return of(raw);
    }

    /** SHA-256 of the raw 32-byte key, upper-case hex: how Herd names the key in results. */
    public String fingerprint() {
        return fingerprint;
    }

    PublicKey publicKey() {
        return publicKey;
    }

    private static Ed25519ProviderKey of(byte[] raw) {
        byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + KEY_LENGTH);
        System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, KEY_LENGTH);
        try {
            return new Ed25519ProviderKey(
                    KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki)), raw);
        } catch (GeneralSecurityException e) {
            throw InvalidProviderKeyException.malformed("not an Ed25519 public key (" + e.getMessage() + ").");
        }
    }

    private static byte[] decodeBase64(String text) {
        try {
            return Base64.getDecoder().decode(text.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw InvalidProviderKeyException.malformed("neither PEM nor base64.");
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "Ed25519ProviderKey[" + fingerprint + "]";
    }
}
