package dev.herd.hub.verification;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;
import java.util.Collection;

/**
 * Checks a raw Ed25519 signature (base64 of 64 bytes) over an advisory document against the Ed25519 keys registered
 * for its provider. Such a signature does not name its key, so a tampered document and a foreign key look the same.
 */
public final class Ed25519SignatureVerifier {

    private static final int SIGNATURE_LENGTH = 64;

    public SignatureVerification verify(byte[] document, String base64Signature, Collection<Ed25519ProviderKey> keys) {
        byte[] signature;
        try {
            signature =
                    Base64.getDecoder().decode(base64Signature == null ? "" : base64Signature.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            return SignatureVerification.malformed("The Ed25519 signature is not base64.");
        }
        if (signature.length != SIGNATURE_LENGTH) {
            return SignatureVerification.malformed(
                    "An Ed25519 signature has 64 bytes, this one has " + signature.length + ".");
        }
        if (keys.isEmpty()) {
            return SignatureVerification.unknownKey(null, "No Ed25519 key is registered for this provider.");
        }
        for (Ed25519ProviderKey key : keys) {
            if (verifies(document, signature, key)) {
                return new SignatureVerification(
                        SignatureOutcome.VALID,
                        key.fingerprint(),
                        key.fingerprint(),
                        "Valid Ed25519 signature by key " + key.fingerprint() + ".");
            }
        }
        return new SignatureVerification(
                SignatureOutcome.BAD_SIGNATURE,
                null,
                null,
                "The Ed25519 signature matches none of the provider's keys ("
                        + String.join(
                                ", ",
                                keys.stream()
                                        .map(Ed25519ProviderKey::fingerprint)
                                        .toList())
                        + "): the document was altered, or another key signed it.");
    }

    private static boolean verifies(byte[] document, byte[] signature, Ed25519ProviderKey key) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key.publicKey());
            verifier.update(document);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            // The JDK signals some undecodable signatures (a point off the curve) by throwing instead of false.
            return false;
        }
    }
}
