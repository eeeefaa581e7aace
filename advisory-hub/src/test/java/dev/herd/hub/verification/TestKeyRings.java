package dev.herd.hub.verification;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;

/** Generates OpenPGP key rings (unprotected secret key and matching certificate) with Bouncy Castle. */
final class TestKeyRings {

    enum Algorithm {
        ED25519,
        RSA
    }

    private TestKeyRings() {}

    /**
     * @param validFor null for a key that never expires
     * @param subkeyFlags 0 for no subkey; otherwise the primary key only certifies, and an Ed25519 subkey gets these
     *     key flags
     */
    static OpenPgpTestKey generate(
            String userId, Algorithm algorithm, Instant createdAt, Duration validFor, int subkeyFlags) {
        try {
            PGPKeyPair primary = keyPair(algorithm, createdAt);
            PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
            hashed.setKeyFlags(
                    false, subkeyFlags != 0 ? KeyFlags.CERTIFY_OTHER : KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
            if (validFor != null) {
                hashed.setKeyExpirationTime(false, validFor.toSeconds());
            }
            PGPKeyRingGenerator rings = new PGPKeyRingGenerator(
                    PGPSignature.POSITIVE_CERTIFICATION,
                    primary,
                    userId,
                    new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1),
                    hashed.generate(),
                    null,
                    new BcPGPContentSignerBuilder(primary.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA256),
                    null);
            if (subkeyFlags != 0) {
                PGPKeyPair subkey = keyPair(Algorithm.ED25519, createdAt);
                PGPSignatureSubpacketGenerator flags = new PGPSignatureSubpacketGenerator();
                flags.setKeyFlags(false, subkeyFlags);
                rings.addSubKey(
                        subkey,
                        flags.generate(),
                        null,
                        new BcPGPContentSignerBuilder(subkey.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA256));
            }
            return new OpenPgpTestKey(rings.generateSecretKeyRing(), rings.generatePublicKeyRing());
        } catch (PGPException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PGPKeyPair keyPair(Algorithm algorithm, Instant createdAt) throws PGPException {
        Date created = Date.from(createdAt);
        return switch (algorithm) {
            case ED25519 -> {
                Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
                generator.init(new Ed25519KeyGenerationParameters(new SecureRandom()));
                yield new BcPGPKeyPair(PublicKeyAlgorithmTags.EDDSA_LEGACY, generator.generateKeyPair(), created);
            }
            case RSA -> {
                RSAKeyPairGenerator generator = new RSAKeyPairGenerator();
                generator.init(
                        new RSAKeyGenerationParameters(BigInteger.valueOf(0x10001), new SecureRandom(), 2048, 100));
                yield new BcPGPKeyPair(PublicKeyAlgorithmTags.RSA_GENERAL, generator.generateKeyPair(), created);
            }
        };
    }
}
