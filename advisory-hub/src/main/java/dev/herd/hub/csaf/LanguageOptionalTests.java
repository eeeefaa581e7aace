package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The optional tests of CSAF 2.0 section 6.2 on languages: 6.2.12 Missing Document Language, 6.2.14 Use of Private
 * Language and 6.2.15 Use of Default Language.
 */
final class LanguageOptionalTests {

    private LanguageOptionalTests() {}

    static List<CsafTest> all() {
        return List.of(
                new RuleTest("6.2.12", "Missing Document Language", LanguageOptionalTests::missingLanguage),
                new RuleTest("6.2.14", "Use of Private Language", LanguageOptionalTests::privateLanguage),
                new RuleTest("6.2.15", "Use of Default Language", LanguageOptionalTests::defaultLanguage));
    }

    private static void missingLanguage(JsonNode document, RuleTest.Failures warnings) {
        LocatedNode lang = LocatedNode.root(document).at("document").at("lang");
        if (lang.text() == null || lang.text().isEmpty()) {
            warnings.add(lang.path(), "The document language is not set.");
        }
    }

    private static void privateLanguage(JsonNode document, RuleTest.Failures warnings) {
        for (LocatedNode lang : languages(document)) {
            privateSubtag(lang.text())
                    .ifPresent(subtag -> warnings.add(
                            lang.path(),
                            "Language tag '" + lang.text() + "' uses the private-use subtag " + subtag + "."));
        }
    }

    private static void defaultLanguage(JsonNode document, RuleTest.Failures warnings) {
        for (LocatedNode lang : languages(document)) {
            if (lang.text().equalsIgnoreCase("i-default")) {
                warnings.add(lang.path(), "The language tag i-default is used.");
            }
        }
    }

    /**
     * The first subtag reserved for private use (RFC 5646 section 2.2): languages qaa–qtz, scripts Qaaa–Qabx, regions
     * AA, QM–QZ, XA–XZ and ZZ, and everything after the singleton {@code x}.
     */
    static Optional<String> privateSubtag(String tag) {
        String[] subtags = tag.toLowerCase(Locale.ROOT).split("-");
        for (int i = 0; i < subtags.length; i++) {
            String subtag = subtags[i];
            boolean privateUse = switch (subtag.length()) {
                case 1 -> subtag.equals("x");
                case 2 -> i > 0 && isPrivateRegion(subtag);
                case 3 -> i == 0 && subtag.compareTo("qaa") >= 0 && subtag.compareTo("qtz") <= 0;
                case 4 -> i > 0 && subtag.compareTo("qaaa") >= 0 && subtag.compareTo("qabx") <= 0;
                default -> false;
            };
            if (privateUse) {
                return Optional.of(subtag);
            }
            if (subtag.length() == 1) {
                return Optional.empty(); // an extension: what follows is no language, script or region subtag
            }
        }
        return Optional.empty();
    }

    private static boolean isPrivateRegion(String region) {
        return region.equals("aa")
                || region.equals("zz")
                || (region.charAt(0) == 'q' && region.charAt(1) >= 'm')
                || region.charAt(0) == 'x';
    }

    private static List<LocatedNode> languages(JsonNode document) {
        LocatedNode metadata = LocatedNode.root(document).at("document");
        return List.of(metadata.at("lang"), metadata.at("source_lang")).stream()
                .filter(lang -> lang.text() != null)
                .toList();
    }
}
