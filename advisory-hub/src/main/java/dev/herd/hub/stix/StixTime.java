package dev.herd.hub.stix;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * STIX and TAXII timestamps: RFC 3339 in UTC with a {@code Z}. Object times carry milliseconds (STIX 2.1 §3.2 wants
 * {@code created} and {@code modified} to the millisecond), TAXII's {@code date_added} microseconds (TAXII 2.1 §3.1).
 */
public final class StixTime {

    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern RFC3339 = Pattern.compile(
            "^[0-9]{4}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)"
                    + "(\\.[0-9]{1,9})?Z$");

    private StixTime() {}

    /** {@code 2025-01-02T03:04:05.678Z} */
    public static String millis(Instant at) {
        return MILLIS.format(at.truncatedTo(ChronoUnit.MILLIS));
    }

    /** {@code 2025-01-02T03:04:05.678901Z} */
    public static String micros(Instant at) {
        return MICROS.format(at.truncatedTo(ChronoUnit.MICROS));
    }

    /** A STIX/TAXII timestamp, or empty when {@code text} is not one (a leap second is refused too). */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.length() > 40 || !RFC3339.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
