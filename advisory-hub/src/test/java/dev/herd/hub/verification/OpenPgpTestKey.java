package dev.herd.hub.verification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Iterator;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.bcpg.sig.RevocationReasonTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;

/** An OpenPGP key made at test time: the certificate a provider would publish and the secret key it signs with. */
public final class OpenPgpTestKey {

    private final PGPSecretKeyRing secretRing;
    private final PGPPublicKeyRing publicRing;

    OpenPgpTestKey(PGPSecretKeyRing secretRing, PGPPublicKeyRing publicRing) {
        this.secretRing = secretRing;
        this.publicRing = publicRing;
    }

    public static OpenPgpTestKey ed25519(String userId) {
        return TestKeyRings.generate(userId, TestKeyRings.Algorithm.ED25519, Instant.now(), null, 0);
    }

    static OpenPgpTestKey rsa(String userId) {
        return TestKeyRings.generate(userId, TestKeyRings.Algorithm.RSA, Instant.now(), null, 0);
    }

    /** A certify-only primary key whose data signatures come from a signing subkey, as GnuPG users often have. */
    static OpenPgpTestKey withSigningSubkey(String userId) {
        return withSubkey(userId, KeyFlags.SIGN_DATA);
    }

    /** A certify-only primary key with one subkey, bound with the given key flags. */
    static OpenPgpTestKey withSubkey(String userId, int subkeyFlags) {
        return TestKeyRings.generate(userId, TestKeyRings.Algorithm.ED25519, Instant.now(), null, subkeyFlags);
    }

    static OpenPgpTestKey expiring(String userId, Instant createdAt, Duration validFor) {
        return TestKeyRings.generate(userId, TestKeyRings.Algorithm.ED25519, createdAt, validFor, 0);
    }

    /** The same key with a revocation of its primary key, signed by {@code revoker}. */
    OpenPgpTestKey revokedBy(OpenPgpTestKey revoker) {
        try {
            PGPPublicKey primary = publicRing.getPublicKey();
            PGPSignatureGenerator generator = generator(revoker.secretRing.getSecretKey(), PGPSignature.KEY_REVOCATION);
            PGPSignatureSubpacketGenerator hashed = subpackets(revoker.publicRing.getPublicKey(), Instant.now());
            hashed.setRevocationReason(false, RevocationReasonTags.KEY_COMPROMISED, "test");
            generator.setHashedSubpackets(hashed.generate());
            PGPSignature revocation = generator.generateCertification(primary);
            return new OpenPgpTestKey(
                    secretRing,
                    PGPPublicKeyRing.insertPublicKey(publicRing, PGPPublicKey.addCertification(primary, revocation)));
        } catch (PGPException e) {
            throw new IllegalStateException(e);
        }
    }

    public OpenPgpTestKey revoked() {
        return revokedBy(this);
    }

    /** This certificate with {@code other}'s signing subkey pasted in, still bound only to {@code other}. */
    OpenPgpTestKey withForeignSubkey(OpenPgpTestKey other) {
        return new OpenPgpTestKey(secretRing, PGPPublicKeyRing.insertPublicKey(publicRing, other.subkey()));
    }

    PGPPublicKeyRing publicRing() {
        return publicRing;
    }

    public String fingerprint() {
        return hex(publicRing.getPublicKey().getFingerprint());
    }

    String subkeyFingerprint() {
        return hex(subkey().getFingerprint());
    }

    public String armoredPublicKey() {
        return armor(publicRing::encode);
    }

    public String armoredSecretKey() {
        return armor(secretRing::encode);
    }

    byte[] binaryPublicKey() {
        try {
            return publicRing.getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A binary detached signature by the primary key, made now with SHA-256. */
    public byte[] sign(byte[] document) {
        return sign(document, secretRing.getSecretKey(), Instant.now(), HashAlgorithmTags.SHA256);
    }

    byte[] signAt(byte[] document, Instant signedAt) {
        return sign(document, secretRing.getSecretKey(), signedAt, HashAlgorithmTags.SHA256);
    }

    byte[] signWithHash(byte[] document, int hashAlgorithm) {
        return sign(document, secretRing.getSecretKey(), Instant.now(), hashAlgorithm);
    }

    byte[] signWithSubkey(byte[] document) {
        return sign(document, secretRing.getSecretKey(subkey().getKeyID()), Instant.now(), HashAlgorithmTags.SHA256);
    }

    /** The {@code .asc} form of a binary signature. */
    public static byte[] armored(byte[] signature) {
        return armor(out -> out.write(signature)).getBytes(StandardCharsets.US_ASCII);
    }

    private PGPPublicKey subkey() {
        for (Iterator<PGPPublicKey> keys = publicRing.getPublicKeys(); keys.hasNext(); ) {
            PGPPublicKey key = keys.next();
            if (!key.isMasterKey()) {
                return key;
            }
        }
        throw new IllegalStateException("No subkey in " + fingerprint());
    }

    private static byte[] sign(byte[] document, PGPSecretKey key, Instant signedAt, int hashAlgorithm) {
        try {
            PGPSignatureGenerator generator = new PGPSignatureGenerator(
                    new BcPGPContentSignerBuilder(key.getPublicKey().getAlgorithm(), hashAlgorithm),
                    key.getPublicKey());
            generator.init(PGPSignature.BINARY_DOCUMENT, key.extractPrivateKey(null));
            generator.setHashedSubpackets(
                    subpackets(key.getPublicKey(), signedAt).generate());
            generator.update(document);
            return generator.generate().getEncoded();
        } catch (PGPException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PGPSignatureGenerator generator(PGPSecretKey key, int type) throws PGPException {
        PGPSignatureGenerator generator = new PGPSignatureGenerator(
                new BcPGPContentSignerBuilder(key.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA256),
                key.getPublicKey());
        generator.init(type, key.extractPrivateKey(null));
        return generator;
    }

    private static PGPSignatureSubpacketGenerator subpackets(PGPPublicKey issuer, Instant signedAt) {
        PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
        hashed.setSignatureCreationTime(Date.from(signedAt));
        hashed.setIssuerFingerprint(false, issuer);
        return hashed;
    }

    private static String armor(Encoder encoder) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArmoredOutputStream armored = new ArmoredOutputStream(out)) {
            encoder.encode(armored);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    @FunctionalInterface
    private interface Encoder {
        void encode(OutputStream out) throws IOException;
    }
}
