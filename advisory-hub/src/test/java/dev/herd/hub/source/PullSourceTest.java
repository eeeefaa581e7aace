package dev.herd.hub.source;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When the scheduler considers a source due. */
class PullSourceTest {

    private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

    @Test
    void aSourceNeverPulledIsDue() {
        assertTrue(source(null, 60).dueAt(NOW));
    }

    @Test
    void aSourceIsDueOnceItsIntervalHasPassedSinceTheLastStart() {
        assertFalse(source(NOW.minusSeconds(59 * 60), 60).dueAt(NOW));
        assertTrue(source(NOW.minusSeconds(60 * 60), 60).dueAt(NOW));
        assertTrue(source(NOW.minusSeconds(61), 1).dueAt(NOW));
    }

    private static PullSource source(Instant lastStartedAt, int intervalMinutes) {
        PullSource source = new PullSource();
        source.lastStartedAt = lastStartedAt;
        source.intervalMinutes = intervalMinutes;
        return source;
    }
}
