package dev.herd.hub.verification;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenPgpSignatureVerifierTest {

    private static final byte[] DOCUMENT = "{\"document\":{\"title\":\"Advisory\"}}".getBytes(UTF_8);
    private static final OpenPgpTestKey PROVIDER = OpenPgpTestKey.ed25519("Provider <psirt@provider.test>");

    private final ProviderKeyParser parser = new ProviderKeyParser();
    private final OpenPgpSignatureVerifier verifier = new OpenPgpSignatureVerifier();

    @Test
    void acceptsAnArmoredSignature() {
        SignatureVerification result =
                verifier.verify(DOCUMENT, OpenPgpTestKey.armored(PROVIDER.sign(DOCUMENT)), keys(PROVIDER));

        assertEquals(SignatureOutcome.VALID, result.outcome());
        assertTrue(result.valid());
        assertEquals("signature-valid", result.code());
        assertEquals(PROVIDER.fingerprint(), result.signingKeyFingerprint());
        assertEquals(PROVIDER.fingerprint(), result.providerKeyFingerprint());
        assertTrue(result.message().contains(PROVIDER.fingerprint()), result.message());
    }

    @Test
    void acceptsABinarySignature() {
        SignatureVerification result = verifier.verify(DOCUMENT, PROVIDER.sign(DOCUMENT), keys(PROVIDER));

        assertEquals(SignatureOutcome.VALID, result.outcome(), result.message());
    }

    @Test
    void acceptsAnRsaSignature() {
        OpenPgpTestKey rsa = OpenPgpTestKey.rsa("RSA Provider <psirt@rsa.test>");

        SignatureVerification result = verifier.verify(DOCUMENT, OpenPgpTestKey.armored(rsa.sign(DOCUMENT)), keys(rsa));

        assertEquals(SignatureOutcome.VALID, result.outcome(), result.message());
        assertEquals(rsa.fingerprint(), result.signingKeyFingerprint());
    }

    @Test
    void findsTheSigningKeyAmongSeveral() {
        OpenPgpTestKey other = OpenPgpTestKey.ed25519("Other <other@provider.test>");

        SignatureVerification result = verifier.verify(DOCUMENT, PROVIDER.sign(DOCUMENT), keys(other, PROVIDER));

        assertEquals(SignatureOutcome.VALID, result.outcome(), result.message());
        assertEquals(PROVIDER.fingerprint(), result.providerKeyFingerprint());
    }

    @Test
    void rejectsATamperedDocument() {
        byte[] signature = PROVIDER.sign(DOCUMENT);
        byte[] tampered = "{\"document\":{\"title\":\"Advisorz\"}}".getBytes(UTF_8);

        SignatureVerification result = verifier.verify(tampered, signature, keys(PROVIDER));

        assertEquals(SignatureOutcome.BAD_SIGNATURE, result.outcome());
        assertEquals("signature-invalid", result.code());
        assertFalse(result.valid());
        assertTrue(result.message().contains(PROVIDER.fingerprint()), result.message());
    }

    @Test
    void rejectsASignatureByAnUnregisteredKey() {
        OpenPgpTestKey stranger = OpenPgpTestKey.ed25519("Stranger <stranger@elsewhere.test>");

        SignatureVerification result = verifier.verify(DOCUMENT, stranger.sign(DOCUMENT), keys(PROVIDER));

        assertEquals(SignatureOutcome.UNKNOWN_KEY, result.outcome());
        assertEquals("signature-unknown-key", result.code());
        assertEquals(stranger.fingerprint(), result.signingKeyFingerprint());
        assertTrue(result.message().contains(stranger.fingerprint()), result.message());
    }

    @Test
    void reportsAnUnknownKeyWhenNoneIsRegistered() {
        SignatureVerification result = verifier.verify(DOCUMENT, PROVIDER.sign(DOCUMENT), List.of());

        assertEquals(SignatureOutcome.UNKNOWN_KEY, result.outcome());
    }

    @Test
    void acceptsASignatureByASigningSubkey() {
        OpenPgpTestKey key = OpenPgpTestKey.withSigningSubkey("Subkey Provider <psirt@subkey.test>");

        SignatureVerification result = verifier.verify(DOCUMENT, key.signWithSubkey(DOCUMENT), keys(key));

        assertEquals(SignatureOutcome.VALID, result.outcome(), result.message());
        assertEquals(key.subkeyFingerprint(), result.signingKeyFingerprint());
        assertEquals(key.fingerprint(), result.providerKeyFingerprint());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not a signature",
                "-----BEGIN PGP SIGNATURE-----\n\nbm90IGEgc2lnbmF0dXJl\n-----END PGP SIGNATURE-----\n",
                "-----BEGIN PGP SIGNATURE-----\n\n!!!!\n-----END PGP SIGNATURE-----\n"
            })
    void rejectsAGarbageSignature(String garbage) {
        SignatureVerification result = verifier.verify(DOCUMENT, garbage.getBytes(UTF_8), keys(PROVIDER));

        assertEquals(SignatureOutcome.MALFORMED_SIGNATURE, result.outcome(), result.message());
        assertEquals("signature-malformed", result.code());
    }

    @Test
    void rejectsRandomBytesAsSignature() {
        byte[] random = new byte[256];
        new Random(7).nextBytes(random);

        SignatureVerification result = verifier.verify(DOCUMENT, random, keys(PROVIDER));

        assertEquals(SignatureOutcome.MALFORMED_SIGNATURE, result.outcome(), result.message());
    }

    @Test
    void rejectsATruncatedSignature() {
        byte[] signature = PROVIDER.sign(DOCUMENT);

        SignatureVerification result =
                verifier.verify(DOCUMENT, Arrays.copyOf(signature, signature.length / 2), keys(PROVIDER));

        assertEquals(SignatureOutcome.MALFORMED_SIGNATURE, result.outcome(), result.message());
    }

    @Test
    void rejectsAPublicKeyGivenAsSignature() {
        SignatureVerification result =
                verifier.verify(DOCUMENT, PROVIDER.armoredPublicKey().getBytes(UTF_8), keys(PROVIDER));

        assertEquals(SignatureOutcome.MALFORMED_SIGNATURE, result.outcome(), result.message());
    }

    @Test
    void rejectsASignatureWithAWeakHash() {
        SignatureVerification result =
                verifier.verify(DOCUMENT, PROVIDER.signWithHash(DOCUMENT, HashAlgorithmTags.SHA1), keys(PROVIDER));

        assertEquals(SignatureOutcome.MALFORMED_SIGNATURE, result.outcome(), result.message());
        assertTrue(result.message().contains("SHA1"), result.message());
    }

    @Test
    void verifiesARealAdvisorySignedAtTestTime() {
        byte[] advisory = TestResources.bytes(TestResources.ADVISORY);
        OpenPgpTestKey redHat = OpenPgpTestKey.rsa("Red Hat Product Security <secalert@redhat.test>");
        byte[] signature = OpenPgpTestKey.armored(redHat.sign(advisory));

        assertEquals(
                SignatureOutcome.VALID,
                verifier.verify(advisory, signature, keys(redHat)).outcome());
        byte[] altered = advisory.clone();
        altered[altered.length / 2] ^= 1;
        assertEquals(
                SignatureOutcome.BAD_SIGNATURE,
                verifier.verify(altered, signature, keys(redHat)).outcome());
    }

    @Test
    void verifiesAnAdvisorySignedByGnuPgWithASubkey() {
        byte[] advisory = TestResources.bytes(TestResources.ADVISORY);
        List<ProviderKey> keys = parser.parse(TestResources.text("gpg-provider-key.asc"));

        SignatureVerification result =
                verifier.verify(advisory, TestResources.bytes(TestResources.ADVISORY + ".asc"), keys);

        assertEquals(SignatureOutcome.VALID, result.outcome(), result.message());
        assertEquals("F62A011301B46409130FD29223C29DC3FD27BE79", result.signingKeyFingerprint());
        assertEquals("5450D8CE22F7E6B98DF73EC00CE606AC73660074", result.providerKeyFingerprint());
    }

    private List<ProviderKey> keys(OpenPgpTestKey... generated) {
        return Arrays.stream(generated)
                .flatMap(key -> parser.parse(key.armoredPublicKey()).stream())
                .toList();
    }
}
