package dev.herd.hub.verification;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Ed25519SignatureVerifierTest {

    private static final byte[] DOCUMENT = TestResources.bytes(TestResources.ADVISORY);

    private final Ed25519SignatureVerifier verifier = new Ed25519SignatureVerifier();
    private final KeyPair provider = generate("Ed25519");

    @Test
    void acceptsASignatureWithAPemKey() {
        Ed25519ProviderKey key =
                Ed25519ProviderKey.parse(pem("PUBLIC KEY", provider.getPublic().getEncoded()));

        SignatureVerification result = verifier.verify(DOCUMENT, sign(provider, DOCUMENT), List.of(key));

        assertEquals(SignatureOutcome.VALID, result.outcome(), result.message());
        assertEquals(key.fingerprint(), result.signingKeyFingerprint());
        assertTrue(result.message().contains(key.fingerprint()), result.message());
    }

    @Test
    void acceptsASignatureWithARawKey() {
        Ed25519ProviderKey key = Ed25519ProviderKey.parse(base64(raw(provider)));

        SignatureVerification result = verifier.verify(DOCUMENT, sign(provider, DOCUMENT), List.of(key));

        assertEquals(SignatureOutcome.VALID, result.outcome(), result.message());
    }

    @Test
    void namesTheKeyTheSameWhicheverWayItWasGiven() {
        assertEquals(
                Ed25519ProviderKey.parse(base64(raw(provider))).fingerprint(),
                Ed25519ProviderKey.parse(pem("PUBLIC KEY", provider.getPublic().getEncoded()))
                        .fingerprint());
    }

    @Test
    void rejectsATamperedDocument() {
        String signature = sign(provider, DOCUMENT);
        byte[] tampered = DOCUMENT.clone();
        tampered[100] ^= 1;

        SignatureVerification result = verifier.verify(tampered, signature, List.of(key(provider)));

        assertEquals(SignatureOutcome.BAD_SIGNATURE, result.outcome());
        assertEquals("signature-invalid", result.code());
    }

    @Test
    void rejectsASignatureByAnotherKey() {
        KeyPair stranger = generate("Ed25519");

        SignatureVerification result = verifier.verify(DOCUMENT, sign(stranger, DOCUMENT), List.of(key(provider)));

        assertEquals(SignatureOutcome.BAD_SIGNATURE, result.outcome());
        assertTrue(result.message().contains(key(provider).fingerprint()), result.message());
    }

    @Test
    void findsTheSigningKeyAmongSeveral() {
        Ed25519ProviderKey other = key(generate("Ed25519"));

        SignatureVerification result =
                verifier.verify(DOCUMENT, sign(provider, DOCUMENT), List.of(other, key(provider)));

        assertEquals(SignatureOutcome.VALID, result.outcome());
        assertEquals(key(provider).fingerprint(), result.providerKeyFingerprint());
    }

    @Test
    void reportsAnUnknownKeyWhenNoneIsRegistered() {
        SignatureVerification result = verifier.verify(DOCUMENT, sign(provider, DOCUMENT), List.of());

        assertEquals(SignatureOutcome.UNKNOWN_KEY, result.outcome());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not base64!", "AAAA", "c2lnbmF0dXJl"})
    void rejectsAMalformedSignature(String signature) {
        SignatureVerification result = verifier.verify(DOCUMENT, signature, List.of(key(provider)));

        assertEquals(SignatureOutcome.MALFORMED_SIGNATURE, result.outcome(), result.message());
        assertEquals("signature-malformed", result.code());
    }

    @Test
    void toleratesLineBreaksInTheSignature() {
        String signature = sign(provider, DOCUMENT);
        String wrapped = signature.substring(0, 40) + "\n" + signature.substring(40) + "\n";

        assertEquals(
                SignatureOutcome.VALID,
                verifier.verify(DOCUMENT, wrapped, List.of(key(provider))).outcome());
    }

    @Test
    void rejectsAPrivateKey() {
        String privateKey = pem("PRIVATE KEY", provider.getPrivate().getEncoded());

        InvalidProviderKeyException e =
                assertThrows(InvalidProviderKeyException.class, () -> Ed25519ProviderKey.parse(privateKey));

        assertEquals("key-is-secret", e.code());
    }

    @Test
    void rejectsAnRsaKey() {
        String rsa = pem("PUBLIC KEY", generate("RSA").getPublic().getEncoded());

        InvalidProviderKeyException e =
                assertThrows(InvalidProviderKeyException.class, () -> Ed25519ProviderKey.parse(rsa));

        assertEquals("key-malformed", e.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a key", "AAAA", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"})
    void rejectsGarbageKeys(String garbage) {
        InvalidProviderKeyException e =
                assertThrows(InvalidProviderKeyException.class, () -> Ed25519ProviderKey.parse(garbage));

        assertEquals("key-malformed", e.code());
    }

    @Test
    void rejectsAnEmptyKey() {
        InvalidProviderKeyException e =
                assertThrows(InvalidProviderKeyException.class, () -> Ed25519ProviderKey.parse(" "));

        assertEquals("key-empty", e.code());
    }

    private static Ed25519ProviderKey key(KeyPair pair) {
        return Ed25519ProviderKey.parse(base64(raw(pair)));
    }

    private static byte[] raw(KeyPair pair) {
        byte[] spki = pair.getPublic().getEncoded();
        return Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    }

    private static String sign(KeyPair pair, byte[] document) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(pair.getPrivate());
            signer.update(document);
            return base64(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate(String algorithm) {
        try {
            return KeyPairGenerator.getInstance(algorithm).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(UTF_8)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
