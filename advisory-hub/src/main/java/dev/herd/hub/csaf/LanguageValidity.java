package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * CSAF 2.0 6.1.12: {@code /document/lang} and {@code /document/source_lang} are valid language tags (BCP 47) whose
 * subtags exist.
 *
 * <p>Without the IANA subtag registry offline, existence is checked as far as the JDK knows it: a two-letter language
 * must be an ISO 639-1 code and a two-letter region an ISO 3166-1 code or one of the few other region subtags the
 * registry holds. Three-letter languages, scripts, numeric regions, variants and extensions are checked for their
 * form only; four- to eight-letter primary language subtags are rejected as none is registered.
 */
final class LanguageValidity implements CsafTest {

    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Set<String> REGIONS = Set.of(Locale.getISOCountries());
    private static final Set<String> OTHER_REGISTERED_REGIONS = Set.of(
            "AA", "AC", "AN", "BU", "CP", "CS", "DD", "DG", "EA", "EU", "EZ", "FX", "IC", "NT", "SU", "TA", "TP", "UN",
            "YD", "YU", "ZR", "ZZ");

    @Override
    public String id() {
        return "6.1.12";
    }

    @Override
    public String name() {
        return "Language";
    }

    @Override
    public void check(JsonNode document, List<CsafTestFailure> failures) {
        LocatedNode metadata = LocatedNode.root(document).at("document");
        for (String field : List.of("lang", "source_lang")) {
            LocatedNode lang = metadata.at(field);
            if (lang.text() != null) {
                problem(lang.text()).ifPresent(problem -> failures.add(failure(lang.path(), problem)));
            }
        }
    }

    /** Why {@code tag} is no valid, existing language tag; empty if it is one. */
    static Optional<String> problem(String tag) {
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(tag).build();
        } catch (IllformedLocaleException e) {
            return Optional.of("'" + tag + "' is not a well-formed language tag: " + e.getMessage());
        }
        String primary = tag.split("-", 2)[0].toLowerCase(Locale.ROOT);
        if (primary.equals("x") || primary.equals("i")) {
            return Optional.empty(); // private use, or a grandfathered tag the JDK knows
        }
        if (primary.length() == 2 && !LANGUAGES.contains(primary)) {
            return Optional.of("'" + tag + "': '" + primary + "' is not an ISO 639-1 language code.");
        }
        if (primary.length() > 3) {
            return Optional.of("'" + tag + "': '" + primary + "' is no registered language subtag.");
        }
        String region = locale.getCountry();
        if (region.length() == 2 && !REGIONS.contains(region) && !isOtherRegisteredRegion(region)) {
            return Optional.of("'" + tag + "': '" + region + "' is not a registered region subtag.");
        }
        return Optional.empty();
    }

    private static boolean isOtherRegisteredRegion(String region) {
        // QM..QZ and XA..XZ are reserved for private use, like AA and ZZ.
        char first = region.charAt(0);
        char second = region.charAt(1);
        return OTHER_REGISTERED_REGIONS.contains(region)
                || (first == 'Q' && second >= 'M' && second <= 'Z')
                || first == 'X';
    }
}
