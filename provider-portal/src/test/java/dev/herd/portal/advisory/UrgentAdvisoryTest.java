package dev.herd.portal.advisory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.advisory.AdvisoryChanged;
import dev.herd.portal.support.PortalFixtures;
import dev.herd.testing.EmbeddedArtemisResource;
import dev.herd.testing.Messages;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Known-exploited and community advisories overtake a bulk import (ADR 12): sent after 600 bulk advisories, they are
 * applied while the bulk is still being applied. Told by state, not by the clock: each advisory takes its revision
 * when it is applied, so bulk advisories with a higher revision than the urgent ones were applied after them.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class UrgentAdvisoryTest {

    private static final int BULK = 600;
    private static final Duration WAIT = Duration.ofSeconds(120);

    @Inject
    ConnectionFactory connections;

    @Inject
    ObjectMapper json;

    @Inject
    PortalFixtures fixtures;

    @BeforeEach
    void clean() {
        fixtures.reset();
    }

    @Test
    void knownExploitedAndCommunityAdvisoriesOvertakeABulkImport() {
        Instant modified = Instant.parse("2026-12-01T00:00:00Z");
        Messages.send(
                connections,
                json,
                AdvisoryChanged.ADDRESS,
                IntStream.rangeClosed(1, BULK)
                        .mapToObj(n -> advisory("CVE-2026-" + (10_000 + n), false, modified, List.of()))
                        .toList());
        Messages.send(
                connections,
                json,
                AdvisoryChanged.URGENT_ADDRESS,
                List.of(
                        advisory("CVE-2026-0001", true, modified, List.of()),
                        advisory(
                                "HERD-COMMUNITY-0123456789AB",
                                true,
                                modified,
                                List.of(new AdvisoryChanged.Mitigation(
                                        "tcp", 443, null, "GET /evil", "payload signature", null)))));

        PortalFixtures.await(
                "every advisory applied", WAIT, () -> fixtures.count("SELECT count(*) FROM advisory") == BULK + 2);
        long urgentLast = fixtures.count(
                "SELECT max(revision) FROM advisory WHERE id IN " + "('CVE-2026-0001', 'HERD-COMMUNITY-0123456789AB')");
        long bulkAfter = fixtures.count(
                "SELECT count(*) FROM advisory WHERE id LIKE 'CVE-2026-1%' AND revision > " + urgentLast);
        assertTrue(
                bulkAfter > 0,
                "the urgent advisories waited for the whole bulk import: none of " + BULK + " was applied after them");
        assertEquals(
                2, fixtures.count("SELECT count(*) FROM consumed_message WHERE consumer = 'portal-urgent-advisories'"));
        System.out.printf(
                "UrgentAdvisoryTest: %d of %d bulk advisories were applied after the urgent ones%n", bulkAfter, BULK);
    }

    private static AdvisoryChanged advisory(
            String id, boolean knownExploited, Instant modified, List<AdvisoryChanged.Mitigation> mitigations) {
        return new AdvisoryChanged(
                id,
                AdvisoryChanged.Change.CREATED,
                true,
                knownExploited,
                knownExploited ? 3 : 0,
                List.of(),
                modified,
                id,
                null,
                null,
                List.of(id),
                List.of(),
                mitigations,
                List.of(),
                modified);
    }
}
