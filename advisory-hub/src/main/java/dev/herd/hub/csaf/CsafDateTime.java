package dev.herd.hub.csaf;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The moment a CSAF date-time (RFC 3339 with offset, CSAF 2.0 section 3) stands for. */
final class CsafDateTime {

    private CsafDateTime() {}

    /** The instant of {@code text}; empty if it is missing or no RFC 3339 date-time (the schema reports that). */
    static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
