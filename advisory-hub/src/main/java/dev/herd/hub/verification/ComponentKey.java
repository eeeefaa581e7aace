package dev.herd.hub.verification;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.openpgp.PGPPublicKey;

/**
 * The primary key or a subkey of a provider's OpenPGP certificate, as the certificate's own verified signatures
 * describe it.
 *
 * @param bound whether a valid self-signature (primary) or binding signature (subkey) ties it to the certificate
 * @param maySign whether that signature allows signing data (no key flags at all counts as allowed)
 */
record ComponentKey(
        PGPPublicKey publicKey, boolean bound, boolean maySign, Optional<Instant> expiresAt, boolean revoked) {

    String fingerprint() {
        return HexFormat.of().withUpperCase().formatHex(publicKey.getFingerprint());
    }

    String keyId() {
        return keyId(publicKey.getKeyID());
    }

    Instant createdAt() {
        return publicKey.getCreationTime().toInstant();
    }

    boolean expiredAt(Instant instant) {
        return expiresAt.map(expiry -> !instant.isBefore(expiry)).orElse(false);
    }

    static String keyId(long keyId) {
        return String.format(Locale.ROOT, "%016X", keyId);
    }
}
