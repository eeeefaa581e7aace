package dev.herd.hub.verification;

import dev.herd.hub.verification.DetachedSignatures.MalformedSignatureException;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.KeyIdentifier;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * Checks a detached OpenPGP signature over an advisory document against the keys registered for its provider, as
 * CSAF 2.0 (7.1.20) has providers sign. Keys are judged when the signature was made: a signature made before a key
 * expired stays valid; any revocation, whatever its reason or date, rejects.
 */
public final class OpenPgpSignatureVerifier {

    private static final Set<Integer> TRUSTED_HASHES = Set.of(
            HashAlgorithmTags.SHA224,
            HashAlgorithmTags.SHA256,
            HashAlgorithmTags.SHA384,
            HashAlgorithmTags.SHA512,
            HashAlgorithmTags.SHA3_256,
            HashAlgorithmTags.SHA3_512);

    private final BcPGPContentVerifierBuilderProvider verifiers = new BcPGPContentVerifierBuilderProvider();

    /**
     * @param signature the {@code .asc} file, armored or binary; if it holds several signatures, the most favourable
     *     result wins
     */
    public SignatureVerification verify(byte[] document, byte[] signature, Collection<ProviderKey> keys) {
        List<PGPSignature> signatures;
        try {
            signatures = DetachedSignatures.read(signature);
        } catch (MalformedSignatureException e) {
            return SignatureVerification.malformed(e.getMessage());
        }
        return signatures.stream()
                .map(sig -> verify(document, sig, keys))
                .reduce(SignatureVerification::orBetter)
                .orElseThrow();
    }

    private SignatureVerification verify(byte[] document, PGPSignature signature, Collection<ProviderKey> keys) {
        int type = signature.getSignatureType();
        if (type != PGPSignature.BINARY_DOCUMENT && type != PGPSignature.CANONICAL_TEXT_DOCUMENT) {
            return SignatureVerification.malformed(
                    String.format("The signature has type 0x%02X, not that of a document signature.", type));
        }
        if (!TRUSTED_HASHES.contains(signature.getHashAlgorithm())) {
            return SignatureVerification.malformed("The signature uses hash algorithm "
                    + hashName(signature.getHashAlgorithm()) + ", which is too weak or unknown to trust.");
        }
        List<KeyIdentifier> issuers = signature.getKeyIdentifiers().stream()
                .filter(id -> !id.isWildcard())
                .toList();
        return keys.stream()
                .flatMap(key -> key.components().stream()
                        .filter(component -> issuers.isEmpty()
                                || KeyIdentifier.matches(
                                        issuers, component.publicKey().getKeyIdentifier(), true))
                        .map(component -> check(document, signature, key, component)))
                .reduce(SignatureVerification::orBetter)
                .orElseGet(() -> SignatureVerification.unknownKey(
                        issuerFingerprint(issuers).orElse(null),
                        "The signature was made by " + describe(issuers) + ", which is not registered for this"
                                + " provider."));
    }

    private SignatureVerification check(byte[] document, PGPSignature signature, ProviderKey key, ComponentKey signer) {
        String who = describe(key, signer);
        try {
            signature.init(verifiers, signer.publicKey());
            signature.update(document);
            if (!signature.verify()) {
                return result(
                        SignatureOutcome.BAD_SIGNATURE,
                        key,
                        signer,
                        "The document does not match its signature by " + who
                                + ": it was altered, or the signature is for another document.");
            }
        } catch (PGPException | RuntimeException e) {
            return SignatureVerification.malformed("The signature by " + who + " cannot be checked: " + e.getMessage());
        }
        Instant signedAt = signature.getCreationTime().toInstant();
        if (key.primary().revoked() || signer.revoked()) {
            return result(
                    SignatureOutcome.KEY_REVOKED,
                    key,
                    signer,
                    "The document was signed by " + who + ", which has been revoked.");
        }
        if (!signer.bound()) {
            return result(
                    SignatureOutcome.UNKNOWN_KEY,
                    key,
                    signer,
                    "The document was signed by " + who
                            + ", but no valid binding signature ties that subkey to the provider key.");
        }
        if (!signer.maySign()) {
            return result(
                    SignatureOutcome.BAD_SIGNATURE,
                    key,
                    signer,
                    "The document was signed by " + who + ", which is not certified for signing.");
        }
        if (signedAt.isBefore(signer.createdAt())) {
            return result(
                    SignatureOutcome.BAD_SIGNATURE,
                    key,
                    signer,
                    "The signature by " + who + " claims " + signedAt + ", before the key was created at "
                            + signer.createdAt() + ".");
        }
        Optional<Instant> expiredAt = Stream.of(key.primary(), signer)
                .filter(component -> component.expiredAt(signedAt))
                .flatMap(component -> component.expiresAt().stream())
                .min(Instant::compareTo);
        if (expiredAt.isPresent()) {
            return result(
                    SignatureOutcome.KEY_EXPIRED,
                    key,
                    signer,
                    "The document was signed at " + signedAt + " by " + who + ", which expired at " + expiredAt.get()
                            + ".");
        }
        return result(SignatureOutcome.VALID, key, signer, "Valid signature by " + who + ", made at " + signedAt + ".");
    }

    private static SignatureVerification result(
            SignatureOutcome outcome, ProviderKey key, ComponentKey signer, String message) {
        return new SignatureVerification(outcome, signer.fingerprint(), key.fingerprint(), message);
    }

    private static String describe(ProviderKey key, ComponentKey signer) {
        String owner = key.userIds().isEmpty() ? "" : " (" + key.userIds().getFirst() + ")";
        if (signer.publicKey().isMasterKey()) {
            return "provider key " + key.fingerprint() + owner;
        }
        return "subkey " + signer.fingerprint() + " of provider key " + key.fingerprint() + owner;
    }

    private static String hashName(int algorithm) {
        try {
            return PGPUtil.getDigestName(algorithm);
        } catch (PGPException e) {
            return "#" + algorithm;
        }
    }

    private static String describe(List<KeyIdentifier> issuers) {
        return issuerFingerprint(issuers)
                .map(fingerprint -> "key " + fingerprint)
                .or(() -> issuers.stream().findFirst().map(id -> "key id " + ComponentKey.keyId(id.getKeyId())))
                .orElse("a key it does not name");
    }

    private static Optional<String> issuerFingerprint(List<KeyIdentifier> issuers) {
        return issuers.stream()
                .map(KeyIdentifier::getFingerprint)
                .filter(fingerprint -> fingerprint != null)
                .findFirst()
                .map(fingerprint -> HexFormat.of().withUpperCase().formatHex(fingerprint));
    }
}
