package dev.herd.hub.csaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Language tags that 6.1.12 accepts and rejects. */
class LanguageValidityTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"en", "en-US", "de-DE-1996", "zh-Hant-TW", "es-419", "en-EZ", "x-klingon", "gsw", "i-klingon"})
    void validTags(String tag) {
        assertEquals(Optional.empty(), LanguageValidity.problem(tag));
    }

    @ParameterizedTest
    @ValueSource(strings = {"EZ", "en_US", "en-", "qq-US", "english", "en-KK", "12"})
    void invalidTags(String tag) {
        assertTrue(LanguageValidity.problem(tag).isPresent(), tag);
    }
}
