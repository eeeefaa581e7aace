package dev.herd.hub.advisory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** CVSS vectors into scores, against values from FIRST's calculators. */
class CvssScorerTest {

    @Test
    void scoresCvss31() {
        CvssRating rating = CvssScorer.rate("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", null);
        assertEquals(9.8, rating.score());
        assertEquals(Severity.CRITICAL, rating.severity());
    }

    @Test
    void scoresCvss2() {
        assertEquals(10.0, CvssScorer.rate("AV:N/AC:L/Au:N/C:C/I:C/A:C", null).score());
    }

    @Test
    void scoresCvss40() {
        CvssRating critical = CvssScorer.rate("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", null);
        assertEquals(9.3, critical.score());
        assertEquals(Severity.CRITICAL, critical.severity());
        CvssRating low = CvssScorer.rate("CVSS:4.0/AV:L/AC:H/AT:P/PR:H/UI:A/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N", null);
        assertEquals(Severity.LOW, low.severity());
    }

    @Test
    void incompleteOrForeignVectorsAreNotScored() {
        assertNull(CvssScorer.rate("CVSS:4.0/AV:N/AC:L", null));
        assertNull(CvssScorer.rate("not a vector", 7.5));
    }

    @Test
    void withoutAVectorTheProvidersScoreStands() {
        CvssRating rating = CvssScorer.rate(null, 7.5);
        assertNull(rating.vector());
        assertEquals(Severity.HIGH, rating.severity());
    }
}
