package dev.herd.hub.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HashFileVerifierTest {

    private static final String NAME = TestResources.ADVISORY;
    private static final byte[] DOCUMENT = TestResources.bytes(NAME);
    // Computed independently with sha256sum and sha512sum.
    private static final String SHA256 = "09a88603125f06f5ff65b99355e856192facdea6391bf74b66439873ba1ea396";
    private static final String SHA512 = "6a2cad56760e35992b6a49da7d22effe412836459a74ee32ac18092c3bcc6bd2"
            + "e521d94655cbe615b063ef2ae9583611e7208964161fd4578d6e35f8d04e402f";

    private final HashFileVerifier verifier = new HashFileVerifier();

    @Test
    void matchesASha256FileWrittenBySha256sum() {
        HashVerification result =
                verifier.verify(DOCUMENT, NAME, TestResources.text(NAME + ".sha256"), HashAlgorithm.SHA256);

        assertEquals(HashOutcome.MATCH, result.outcome(), result.message());
        assertTrue(result.matches());
        assertEquals("hash-match", result.code());
        assertEquals(SHA256, result.actual());
    }

    @Test
    void matchesASha512FileInBinaryMode() {
        String hashFile = TestResources.text(NAME + ".sha512");
        assertTrue(hashFile.contains(" *" + NAME), hashFile);

        HashVerification result = verifier.verify(DOCUMENT, NAME, hashFile, HashAlgorithm.SHA512);

        assertEquals(HashOutcome.MATCH, result.outcome(), result.message());
        assertEquals(SHA512, result.expected());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                SHA256,
                SHA256 + "\n",
                "  " + SHA256 + " \r\n\n",
                "\uFEFF" + SHA256,
                SHA256 + "  " + NAME,
                SHA256 + " *" + NAME,
                SHA256 + " " + NAME + "\r\n",
                SHA256 + "  ./2022/" + NAME
            })
    void readsTheCommonFormats(String hashFile) {
        assertEquals(
                HashOutcome.MATCH,
                verifier.verify(DOCUMENT, NAME, hashFile, HashAlgorithm.SHA256).outcome());
    }

    @Test
    void acceptsAnUpperCaseDigest() {
        HashVerification result =
                verifier.verify(DOCUMENT, NAME, SHA512.toUpperCase(Locale.ROOT) + "  " + NAME, HashAlgorithm.SHA512);

        assertEquals(HashOutcome.MATCH, result.outcome(), result.message());
    }

    @Test
    void reportsAMismatchWithBothDigests() {
        byte[] altered = DOCUMENT.clone();
        altered[0] ^= 1;

        HashVerification result = verifier.verify(altered, NAME, SHA256 + "  " + NAME, HashAlgorithm.SHA256);

        assertEquals(HashOutcome.MISMATCH, result.outcome());
        assertFalse(result.matches());
        assertEquals("hash-mismatch", result.code());
        assertEquals(SHA256, result.expected());
        assertTrue(result.message().contains(SHA256), result.message());
        assertTrue(result.message().contains(result.actual()), result.message());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   \n ",
                "not a digest",
                "09a88603125f06f5",
                SHA512,
                "zz" + "a88603125f06f5ff65b99355e856192facdea6391bf74b66439873ba1ea396",
                SHA256 + "\n" + SHA256
            })
    void rejectsAMalformedHashFile(String hashFile) {
        HashVerification result = verifier.verify(DOCUMENT, NAME, hashFile, HashAlgorithm.SHA256);

        assertEquals(HashOutcome.MALFORMED, result.outcome(), result.message());
        assertEquals("hash-file-malformed", result.code());
        assertNull(result.expected());
    }

    @Test
    void rejectsAHashFileForAnotherDocument() {
        HashVerification result =
                verifier.verify(DOCUMENT, NAME, SHA256 + "  rhsa-2022_0012.json", HashAlgorithm.SHA256);

        assertEquals(HashOutcome.NAME_MISMATCH, result.outcome());
        assertEquals("hash-file-name-mismatch", result.code());
        assertTrue(result.message().contains("rhsa-2022_0012.json"), result.message());
    }

    @Test
    void skipsTheNameCheckWhenTheDocumentNameIsUnknown() {
        assertEquals(
                HashOutcome.MATCH,
                verifier.verify(DOCUMENT, null, SHA256 + "  other.json", HashAlgorithm.SHA256)
                        .outcome());
    }

    @Test
    void takesTheAlgorithmFromTheHashFileName() {
        HashVerification result = verifier.verifyByExtension(
                DOCUMENT, NAME, "https://example.test/2022/" + NAME + ".SHA512", SHA512 + "  " + NAME);

        assertEquals(HashOutcome.MATCH, result.outcome(), result.message());
        assertEquals(HashAlgorithm.SHA512, result.algorithm());
    }

    @Test
    void rejectsAnUnknownHashFileExtension() {
        HashVerification result = verifier.verifyByExtension(DOCUMENT, NAME, NAME + ".md5", SHA256);

        assertEquals(HashOutcome.MALFORMED, result.outcome());
    }

    @Test
    void knowsTheAlgorithmsByExtension() {
        assertEquals(Optional.of(HashAlgorithm.SHA256), HashAlgorithm.fromFileName("a.json.sha256"));
        assertEquals(Optional.of(HashAlgorithm.SHA512), HashAlgorithm.fromFileName("a.json.sha512"));
        assertEquals(Optional.empty(), HashAlgorithm.fromFileName("a.json.asc"));
        assertEquals(64, HashAlgorithm.SHA256.hexLength());
        assertEquals(128, HashAlgorithm.SHA512.hexLength());
    }
}
