package dev.herd.portal.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** COPY's text format: plain values as they are, the four special characters escaped, null as \N. */
class PostgresCopyRowsTest {

    @Test
    void plainValuesAreWrittenAsTheyAreAndNullAsBackslashN() {
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        Instant at = Instant.parse("2026-12-07T10:00:00Z");
        PostgresCopy.Rows rows = new PostgresCopy.Rows().row("acme", id, 42, null, at);

        assertEquals("acme\t" + id + "\t42\t\\N\t2026-12-07T10:00:00Z\n", rows.text());
        assertEquals(1, rows.count());
    }

    @Test
    void tabsNewlinesReturnsAndBackslashesAreEscaped() {
        PostgresCopy.Rows rows =
                new PostgresCopy.Rows().row("a\tb", "c\nd\re", "f\\g").row("plain");

        assertEquals("a\\tb\tc\\nd\\re\tf\\\\g\nplain\n", rows.text());
        assertEquals(2, rows.count());
    }
}
