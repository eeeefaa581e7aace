package dev.herd.hub.advisory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herd.contracts.advisory.AdvisoryChanged;
import org.junit.jupiter.api.Test;

/** Which address an advisory is announced on: known-exploited and community ones on their own (ADR 12). */
class AdvisoryAnnouncementTest {

    @Test
    void knownExploitedAndCommunityAdvisoriesGoToTheUrgentAddress() {
        assertEquals(AdvisoryChanged.URGENT_ADDRESS, AdvisoryAnnouncement.address(advisory("CVE-2026-1", true)));
        assertEquals(
                AdvisoryChanged.URGENT_ADDRESS,
                AdvisoryAnnouncement.address(advisory(CanonicalId.COMMUNITY_PREFIX + "0A1B2C3D4E5F", false)));
        assertEquals(AdvisoryChanged.ADDRESS, AdvisoryAnnouncement.address(advisory("CVE-2026-2", false)));
    }

    private static Advisory advisory(String id, boolean knownExploited) {
        Advisory advisory = new Advisory();
        advisory.id = id;
        advisory.knownExploited = knownExploited;
        return advisory;
    }
}
