package dev.herd.hub.verification;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.junit.jupiter.api.Test;

/** How the state of the signing key, as its certificate tells it, decides an otherwise correct signature. */
class SigningKeyValidityTest {

    private static final byte[] DOCUMENT = "{\"document\":{\"title\":\"Advisory\"}}".getBytes(UTF_8);
    private static final OpenPgpTestKey PROVIDER = OpenPgpTestKey.ed25519("Provider <psirt@provider.test>");

    private final ProviderKeyParser parser = new ProviderKeyParser();
    private final OpenPgpSignatureVerifier verifier = new OpenPgpSignatureVerifier();

    @Test
    void rejectsASubkeyPastedIntoTheCertificateWithoutBinding() {
        OpenPgpTestKey mallory = OpenPgpTestKey.withSigningSubkey("Mallory <mallory@evil.test>");
        OpenPgpTestKey tampered = PROVIDER.withForeignSubkey(mallory);

        SignatureVerification result = verifier.verify(DOCUMENT, mallory.signWithSubkey(DOCUMENT), keys(tampered));

        assertEquals(SignatureOutcome.UNKNOWN_KEY, result.outcome(), result.message());
        assertEquals(mallory.subkeyFingerprint(), result.signingKeyFingerprint());
        assertTrue(result.message().contains("no valid binding signature"), result.message());
    }

    @Test
    void rejectsASignatureByASubkeyNotCertifiedForSigning() {
        OpenPgpTestKey key = OpenPgpTestKey.withSubkey("Provider <psirt@provider.test>", KeyFlags.ENCRYPT_STORAGE);

        SignatureVerification result = verifier.verify(DOCUMENT, key.signWithSubkey(DOCUMENT), keys(key));

        assertEquals(SignatureOutcome.BAD_SIGNATURE, result.outcome(), result.message());
        assertTrue(result.message().contains("not certified for signing"), result.message());
    }

    @Test
    void rejectsASignatureClaimingToPredateItsKey() {
        Instant keyCreated =
                PROVIDER.publicRing().getPublicKey().getCreationTime().toInstant();

        SignatureVerification result = verifier.verify(
                DOCUMENT, PROVIDER.signAt(DOCUMENT, keyCreated.minus(Duration.ofDays(1))), keys(PROVIDER));

        assertEquals(SignatureOutcome.BAD_SIGNATURE, result.outcome(), result.message());
    }

    @Test
    void rejectsASignatureMadeAfterTheKeyExpired() {
        OpenPgpTestKey expired = OpenPgpTestKey.expiring(
                "Expired <old@provider.test>", Instant.now().minus(Duration.ofDays(730)), Duration.ofDays(365));

        SignatureVerification result = verifier.verify(DOCUMENT, expired.sign(DOCUMENT), keys(expired));

        assertEquals(SignatureOutcome.KEY_EXPIRED, result.outcome(), result.message());
        assertEquals("signature-key-expired", result.code());
        assertTrue(result.message().contains(expired.fingerprint()), result.message());
    }

    @Test
    void acceptsASignatureMadeBeforeTheKeyExpired() {
        Instant created = Instant.now().minus(Duration.ofDays(730));
        OpenPgpTestKey expired = OpenPgpTestKey.expiring("Expired <old@provider.test>", created, Duration.ofDays(365));

        SignatureVerification result =
                verifier.verify(DOCUMENT, expired.signAt(DOCUMENT, created.plus(Duration.ofDays(30))), keys(expired));

        assertEquals(SignatureOutcome.VALID, result.outcome(), result.message());
    }

    @Test
    void rejectsASignatureByARevokedKey() {
        OpenPgpTestKey revoked =
                OpenPgpTestKey.ed25519("Revoked <revoked@provider.test>").revoked();

        SignatureVerification result = verifier.verify(DOCUMENT, revoked.sign(DOCUMENT), keys(revoked));

        assertEquals(SignatureOutcome.KEY_REVOKED, result.outcome(), result.message());
        assertEquals("signature-key-revoked", result.code());
        assertTrue(result.message().contains(revoked.fingerprint()), result.message());
    }

    @Test
    void ignoresARevocationSignedBySomebodyElse() {
        OpenPgpTestKey key = PROVIDER.revokedBy(OpenPgpTestKey.ed25519("Mallory <mallory@evil.test>"));

        SignatureVerification result = verifier.verify(DOCUMENT, key.sign(DOCUMENT), keys(key));

        assertEquals(SignatureOutcome.VALID, result.outcome(), result.message());
    }

    private List<ProviderKey> keys(OpenPgpTestKey... generated) {
        return Arrays.stream(generated)
                .flatMap(key -> parser.parse(key.armoredPublicKey()).stream())
                .toList();
    }
}
