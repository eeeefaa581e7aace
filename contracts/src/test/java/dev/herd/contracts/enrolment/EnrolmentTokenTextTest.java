package dev.herd.contracts.enrolment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnrolmentTokenTextTest {

    private static final String FP = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @Test
    void issuedTokenCarriesTheFingerprintAndParsesBack() {
        EnrolmentTokenText issued = EnrolmentTokenText.issue("c2VjcmV0", Optional.of(new CaFingerprint(FP)));
        assertEquals("c2VjcmV0." + FP, issued.text());
        assertEquals(
                Optional.of(new CaFingerprint(FP)),
                EnrolmentTokenText.parse(issued.text()).caFingerprint());
    }

    @Test
    void tokenWithoutFingerprintIsTheOldFormat() {
        assertEquals(Optional.empty(), EnrolmentTokenText.parse("c2VjcmV0").caFingerprint());
        assertEquals(
                "c2VjcmV0",
                EnrolmentTokenText.issue("c2VjcmV0", Optional.empty()).text());
    }

    @Test
    void upperCaseFingerprintIsRead() {
        assertEquals(
                FP,
                EnrolmentTokenText.parse("s." + FP.toUpperCase())
                        .caFingerprint()
                        .orElseThrow()
                        .hex());
    }

    @Test
    void malformedFingerprintsAreNamed() {
        assertTrue(message("s.abc").contains("'abc' is not 64 hex digits"));
        assertTrue(message("s." + FP.replace('0', 'x')).contains("is not 64 hex digits"));
        assertTrue(message("s." + FP + "0").contains("is not 64 hex digits"));
        assertTrue(message("." + FP).contains("SECRET.FINGERPRINT"));
        assertTrue(message("a.b." + FP).contains("SECRET.FINGERPRINT"));
        assertTrue(message(" ").contains("empty"));
        assertTrue(message("x".repeat(600)).contains("longer than"));
    }

    @Test
    void fingerprintInKeytoolFormIsRead() {
        CaFingerprint fp = new CaFingerprint(FP);
        assertEquals(fp, CaFingerprint.parse(fp.colons()));
        assertThrows(IllegalArgumentException.class, () -> CaFingerprint.parse("01:23"));
    }

    private static String message(String token) {
        return assertThrows(IllegalArgumentException.class, () -> EnrolmentTokenText.parse(token))
                .getMessage();
    }
}
