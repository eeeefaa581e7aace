package dev.herd.hub.verification;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ProviderKeyParserTest {

    private static final String USER_ID = "Example PSIRT <psirt@example.test>";

    private final ProviderKeyParser parser = new ProviderKeyParser();

    @Test
    void readsAnArmoredPublicKey() {
        OpenPgpTestKey generated = OpenPgpTestKey.ed25519(USER_ID);

        ProviderKey key = single(parser.parse(generated.armoredPublicKey()));

        assertEquals(generated.fingerprint(), key.fingerprint());
        assertTrue(key.fingerprint().matches("[0-9A-F]{40}"), key.fingerprint());
        assertEquals(key.fingerprint().substring(24), key.keyId());
        assertEquals(List.of(USER_ID), key.userIds());
        assertEquals(generated.publicRing().getPublicKey().getCreationTime().toInstant(), key.createdAt());
        assertEquals(Optional.empty(), key.expiresAt());
        assertFalse(key.revoked());
    }

    @Test
    void readsABinaryPublicKey() {
        OpenPgpTestKey generated = OpenPgpTestKey.ed25519(USER_ID);

        assertEquals(
                generated.fingerprint(),
                single(parser.parse(generated.binaryPublicKey())).fingerprint());
    }

    @Test
    void readsAKeyExportedByGnuPg() {
        ProviderKey key = single(parser.parse(TestResources.text("gpg-provider-key.asc")));

        assertEquals("5450D8CE22F7E6B98DF73EC00CE606AC73660074", key.fingerprint());
        assertEquals(List.of("Herd Test Provider <psirt@provider.test>"), key.userIds());
        assertEquals(2, key.components().size());
        assertTrue(key.components().stream().allMatch(ComponentKey::bound));
    }

    @Test
    void readsEveryKeyOfAKeyRing() {
        OpenPgpTestKey first = OpenPgpTestKey.ed25519("First <first@example.test>");
        OpenPgpTestKey second = OpenPgpTestKey.ed25519("Second <second@example.test>");
        byte[] ring = concat(first.binaryPublicKey(), second.binaryPublicKey());

        List<ProviderKey> keys = parser.parse(new String(OpenPgpTestKey.armored(ring), UTF_8));

        assertEquals(
                List.of(first.fingerprint(), second.fingerprint()),
                keys.stream().map(ProviderKey::fingerprint).toList());
    }

    @Test
    void readsExpiry() {
        Instant created = Instant.now().minus(Duration.ofDays(730)).truncatedTo(ChronoUnit.SECONDS);
        OpenPgpTestKey generated = OpenPgpTestKey.expiring(USER_ID, created, Duration.ofDays(365));

        ProviderKey key = single(parser.parse(generated.armoredPublicKey()));

        assertEquals(Optional.of(created.plus(Duration.ofDays(365))), key.expiresAt());
        assertTrue(key.expiredAt(Instant.now()));
        assertFalse(key.expiredAt(created.plus(Duration.ofDays(100))));
    }

    @Test
    void readsRevocation() {
        OpenPgpTestKey generated = OpenPgpTestKey.ed25519(USER_ID).revoked();

        assertTrue(single(parser.parse(generated.armoredPublicKey())).revoked());
    }

    @Test
    void ignoresARevocationSignedByAnotherKey() {
        OpenPgpTestKey generated = OpenPgpTestKey.ed25519(USER_ID).revokedBy(OpenPgpTestKey.ed25519("Mallory"));

        assertFalse(single(parser.parse(generated.armoredPublicKey())).revoked());
    }

    @Test
    void rejectsASecretKey() {
        String secret = OpenPgpTestKey.ed25519(USER_ID).armoredSecretKey();

        InvalidProviderKeyException e = assertThrows(InvalidProviderKeyException.class, () -> parser.parse(secret));

        assertEquals("key-is-secret", e.code());
        assertEquals(400, e.status());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not a key",
                "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nbm90IGEga2V5\n-----END PGP PUBLIC KEY BLOCK-----\n",
                "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n!!!!\n-----END PGP PUBLIC KEY BLOCK-----\n",
                "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----"
            })
    void rejectsGarbage(String garbage) {
        InvalidProviderKeyException e = assertThrows(InvalidProviderKeyException.class, () -> parser.parse(garbage));

        assertEquals("key-malformed", e.code());
    }

    @Test
    void rejectsRandomBytes() {
        byte[] random = new byte[512];
        new Random(42).nextBytes(random);

        InvalidProviderKeyException e = assertThrows(InvalidProviderKeyException.class, () -> parser.parse(random));

        assertEquals("key-malformed", e.code());
    }

    @Test
    void rejectsASignatureGivenAsKey() {
        OpenPgpTestKey generated = OpenPgpTestKey.ed25519(USER_ID);
        String signature = new String(OpenPgpTestKey.armored(generated.sign("x".getBytes(UTF_8))), UTF_8);

        InvalidProviderKeyException e = assertThrows(InvalidProviderKeyException.class, () -> parser.parse(signature));

        assertEquals("key-malformed", e.code());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  \n\t "})
    void rejectsEmptyInput(String empty) {
        InvalidProviderKeyException e = assertThrows(InvalidProviderKeyException.class, () -> parser.parse(empty));

        assertEquals("key-empty", e.code());
    }

    private static ProviderKey single(List<ProviderKey> keys) {
        assertEquals(1, keys.size(), keys.toString());
        return keys.getFirst();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
