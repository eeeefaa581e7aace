package dev.herd.portal.advisory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.advisory.AdvisoryChanged;
import dev.herd.portal.support.PortalFixtures;
import dev.herd.testing.EmbeddedArtemisResource;
import dev.herd.testing.Messages;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The portal's copy of announced advisories: newer announcements win, older ones are ignored, withdrawals apply. */
@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class AdvisoryConsumerTest {

    // Nanoseconds that PostgreSQL rounds up when it stores the time (…038462535 → …038463).
    private static final Instant MODIFIED = Instant.parse("2026-11-21T09:46:01.038462535Z");

    @Inject
    ConnectionFactory connections;

    @Inject
    ObjectMapper json;

    @Inject
    PortalFixtures fixtures;

    @Inject
    KnownAdvisoryRepository advisories;

    @BeforeEach
    void clean() {
        fixtures.reset();
    }

    @Test
    void aWithdrawalOfTheSameVersionApplies() {
        send(announcement(AdvisoryChanged.Change.CREATED, MODIFIED, "first title"));
        awaitConsumed(1);
        assertFalse(stored().withdrawn);

        send(announcement(AdvisoryChanged.Change.WITHDRAWN, MODIFIED, "first title"));
        awaitConsumed(2);
        assertTrue(stored().withdrawn, "the withdrawal names the same modification time and must still apply");
    }

    @Test
    void anOlderAnnouncementDoesNotOverwriteANewerOne() {
        send(announcement(AdvisoryChanged.Change.CREATED, MODIFIED, "newer title"));
        awaitConsumed(1);
        send(announcement(AdvisoryChanged.Change.UPDATED, MODIFIED.minusSeconds(60), "older title"));
        awaitConsumed(2);
        assertEquals("newer title", stored().title);
    }

    @Test
    void anOlderAnnouncementOnTheBulkAddressDoesNotUndoANewerUrgentOne() {
        // The same modification time (a KEV statement need not move it); the hub changed the advisory later.
        Instant changed = Instant.parse("2026-12-01T10:00:00Z");
        Messages.send(
                connections,
                json,
                AdvisoryChanged.URGENT_ADDRESS,
                List.of(withChange(
                        announcement(AdvisoryChanged.Change.UPDATED, MODIFIED, "known exploited"),
                        true,
                        changed.plusSeconds(5))));
        PortalFixtures.await(
                "the urgent announcement applied",
                Duration.ofSeconds(30),
                () -> fixtures.count("SELECT count(*) FROM advisory WHERE known_exploited") == 1);
        send(withChange(announcement(AdvisoryChanged.Change.CREATED, MODIFIED, "first title"), false, changed));
        awaitConsumed(1);
        assertTrue(stored().knownExploited, "the older announcement, arriving later, must not undo the newer one");
        assertEquals("known exploited", stored().title);
    }

    @Test
    void aNewEpssScoreIsKeptOnTheAdvisoryCopy() {
        Instant changed = Instant.parse("2026-12-01T10:00:00Z");
        send(withEpss(announcement(AdvisoryChanged.Change.CREATED, MODIFIED, "title"), changed, null, null));
        awaitConsumed(1);
        assertNull(stored().epss);
        send(withEpss(
                announcement(AdvisoryChanged.Change.UPDATED, MODIFIED, "title"), changed.plusSeconds(5), 0.42, 0.97));
        awaitConsumed(2);
        assertEquals(0, new BigDecimal("0.42").compareTo(stored().epss), "epss " + stored().epss);
        assertEquals(0, new BigDecimal("0.97").compareTo(stored().epssPercentile));
    }

    private static AdvisoryChanged withEpss(AdvisoryChanged a, Instant changedAt, Double epss, Double percentile) {
        return new AdvisoryChanged(
                a.advisoryId(),
                a.change(),
                a.actionable(),
                a.knownExploited(),
                a.emergencyLevel(),
                a.packages(),
                a.modifiedAt(),
                a.title(),
                a.severity(),
                a.cvssScore(),
                a.aliases(),
                a.affected(),
                a.mitigations(),
                a.patches(),
                changedAt,
                epss,
                percentile);
    }

    private static AdvisoryChanged withChange(AdvisoryChanged a, boolean knownExploited, Instant changedAt) {
        return new AdvisoryChanged(
                a.advisoryId(),
                a.change(),
                a.actionable(),
                knownExploited,
                a.emergencyLevel(),
                a.packages(),
                a.modifiedAt(),
                a.title(),
                a.severity(),
                a.cvssScore(),
                a.aliases(),
                a.affected(),
                a.mitigations(),
                a.patches(),
                changedAt);
    }

    private KnownAdvisory stored() {
        return QuarkusTransaction.requiringNew().call(() -> advisories.findById("CVE-2026-7777"));
    }

    private void send(AdvisoryChanged changed) {
        Messages.send(connections, json, AdvisoryChanged.ADDRESS, List.of(changed));
    }

    private void awaitConsumed(long count) {
        PortalFixtures.await(
                count + " advisory messages consumed",
                Duration.ofSeconds(30),
                () -> fixtures.count("SELECT count(*) FROM consumed_message WHERE consumer = 'portal-advisories'")
                        == count);
    }

    private static AdvisoryChanged announcement(AdvisoryChanged.Change change, Instant modified, String title) {
        return new AdvisoryChanged(
                "CVE-2026-7777",
                change,
                change != AdvisoryChanged.Change.WITHDRAWN,
                false,
                0,
                List.of(new AdvisoryChanged.PackageRef("Debian:12", "nginx")),
                modified,
                title,
                null,
                null,
                List.of("CVE-2026-7777"),
                List.of(new AdvisoryChanged.Affected(
                        "Debian:12",
                        "nginx",
                        List.of(new AdvisoryChanged.Range(
                                "ECOSYSTEM",
                                List.of(
                                        new AdvisoryChanged.Event("0", null, null, null),
                                        new AdvisoryChanged.Event(null, "1.22.1-9", null, null)))),
                        List.of(),
                        List.of(),
                        "DEBIAN-CVE-2026-7777-nginx")),
                List.of(),
                List.of());
    }
}
