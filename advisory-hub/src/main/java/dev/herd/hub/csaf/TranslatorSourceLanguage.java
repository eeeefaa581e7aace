package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** CSAF 2.0 6.1.15: a document published by a translator names the language it was translated from. */
final class TranslatorSourceLanguage implements CsafTest {

    @Override
    public String id() {
        return "6.1.15";
    }

    @Override
    public String name() {
        return "Translator";
    }

    @Override
    public void check(JsonNode document, List<CsafTestFailure> failures) {
        LocatedNode metadata = LocatedNode.root(document).at("document");
        String publisher = metadata.at("publisher").at("category").text();
        LocatedNode sourceLang = metadata.at("source_lang");
        if ("translator".equals(publisher)
                && (sourceLang.text() == null || sourceLang.text().isEmpty())) {
            failures.add(
                    failure(sourceLang.path(), "The publisher is a translator but the document has no source_lang."));
        }
    }
}
