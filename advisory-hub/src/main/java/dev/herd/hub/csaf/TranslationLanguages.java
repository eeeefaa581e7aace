package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** CSAF 2.0 6.1.28: a translated document's language differs from its source language. */
final class TranslationLanguages implements CsafTest {

    @Override
    public String id() {
        return "6.1.28";
    }

    @Override
    public String name() {
        return "Translation";
    }

    @Override
    public void check(JsonNode document, List<CsafTestFailure> failures) {
        LocatedNode metadata = LocatedNode.root(document).at("document");
        String lang = metadata.at("lang").text();
        String sourceLang = metadata.at("source_lang").text();
        // Language tags are case-insensitive (RFC 5646 section 2.1.1).
        if (lang != null && lang.equalsIgnoreCase(sourceLang)) {
            failures.add(failure(
                    metadata.at("source_lang").path(),
                    "The document language and its source language are both '" + lang + "'."));
        }
    }
}
