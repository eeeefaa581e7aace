package dev.herd.hub.csaf;

import static dev.herd.hub.csaf.CsafDocuments.add;
import static dev.herd.hub.csaf.CsafDocuments.json;
import static dev.herd.hub.csaf.CsafDocuments.load;
import static dev.herd.hub.csaf.CsafDocuments.remove;
import static dev.herd.hub.csaf.CsafDocuments.set;
import static dev.herd.hub.csaf.MandatoryTestAssertions.assertOnlyFails;
import static dev.herd.hub.csaf.MandatoryTestAssertions.assertPasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Failing fixtures for the CVSS tests 6.1.8 to 6.1.10. */
class CvssTestsTest {

    private static final String CVSS_V3 = "/vulnerabilities/0/scores/0/cvss_v3";

    /** The CVSS v2 guide's example CVE-2002-0392 with its base, temporal and environmental scores (section 3.3.1). */
    private static final String CVSS_V2_SCORE = """
            {"products": ["CSAFPID-0001"],
             "cvss_v2": {"version": "2.0",
                         "vectorString": "AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:H",
                         "baseScore": 7.8, "temporalScore": 6.4, "environmentalScore": 9.2}}
            """;

    private static ObjectNode advisory() {
        return load("bsi-2022-0001.json");
    }

    private static ObjectNode withCvssV2Score() {
        return add(advisory(), "/vulnerabilities/0/scores", json(CVSS_V2_SCORE));
    }

    @Test
    void cvssMissingARequiredProperty() {
        ObjectNode document = remove(advisory(), CVSS_V3 + "/baseSeverity");

        List<CsafTestFailure> failures = assertOnlyFails(document, "6.1.8", CVSS_V3);
        assertEquals(1, failures.size(), failures::toString);
    }

    @Test
    void cvssV3WithUnknownVersion() {
        ObjectNode document = add(
                advisory(),
                "/vulnerabilities/0/scores",
                json("{\"products\": [\"CSAFPID-0002\"], \"cvss_v3\": {\"version\": \"3.9\"}}"));

        assertOnlyFails(document, "6.1.8", "/vulnerabilities/0/scores/1/cvss_v3/version");
    }

    @Test
    void cvssV2WithScoreOutOfRange() {
        ObjectNode document = set(withCvssV2Score(), "/vulnerabilities/0/scores/1/cvss_v2/baseScore", json("11"));

        // 11 is also not what the vector computes to.
        MandatoryTestAssertions.assertFailsAlongWith(
                document, "6.1.8", "/vulnerabilities/0/scores/1/cvss_v2/baseScore", "6.1.9");
    }

    @Test
    void cvssV2WithAllScoresComputedCorrectlyPasses() {
        assertPasses(withCvssV2Score());
    }

    @Test
    void wrongBaseScoreAndSeverity() {
        ObjectNode document = set(advisory(), CVSS_V3 + "/baseScore", json("10.0"));
        set(document, CVSS_V3 + "/baseSeverity", "LOW");

        List<CsafTestFailure> failures = assertOnlyFails(document, "6.1.9", CVSS_V3 + "/baseScore");
        assertEquals(
                List.of(CVSS_V3 + "/baseScore", CVSS_V3 + "/baseSeverity"),
                failures.stream().map(CsafTestFailure::path).toList());
    }

    @Test
    void wrongTemporalScore() {
        // CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:N/A:L/E:F/RL:O/RC:C: base 6.1, temporal 5.7.
        ObjectNode document = set(advisory(), CVSS_V3 + "/temporalScore", json("6.1"));

        assertOnlyFails(document, "6.1.9", CVSS_V3 + "/temporalScore");
        assertPasses(set(advisory(), CVSS_V3 + "/temporalScore", json("5.7")));
    }

    @Test
    void wrongCvssV2EnvironmentalScore() {
        ObjectNode document =
                set(withCvssV2Score(), "/vulnerabilities/0/scores/1/cvss_v2/environmentalScore", json("9.0"));

        assertOnlyFails(document, "6.1.9", "/vulnerabilities/0/scores/1/cvss_v2/environmentalScore");
    }

    @Test
    void wrongCvssV30EnvironmentalScoreAndSeverity() {
        String vector = "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H/E:F/RL:O/RC:C/CR:H/MAV:L";
        ObjectNode score = (ObjectNode) json("""
                {"products": ["CSAFPID-0002"],
                 "cvss_v3": {"version": "3.0", "vectorString": "%s",
                             "baseScore": 10.0, "baseSeverity": "CRITICAL",
                             "environmentalScore": 8.6, "environmentalSeverity": "HIGH"}}
                """.formatted(vector));
        assertPasses(add(advisory(), "/vulnerabilities/0/scores", score.deepCopy()));

        set(score, "/cvss_v3/environmentalScore", json("9.3"));
        set(score, "/cvss_v3/environmentalSeverity", "CRITICAL");
        ObjectNode document = add(advisory(), "/vulnerabilities/0/scores", score);

        List<CsafTestFailure> failures =
                assertOnlyFails(document, "6.1.9", "/vulnerabilities/0/scores/1/cvss_v3/environmentalScore");
        assertEquals(2, failures.size(), failures::toString);
    }

    @Test
    void propertyContradictingTheVector() {
        ObjectNode document = set(advisory(), CVSS_V3 + "/attackVector", "NETWORK");

        assertOnlyFails(document, "6.1.10", CVSS_V3 + "/attackVector");
    }

    @Test
    void propertyDefiningAMetricTheVectorLeavesUndefined() {
        ObjectNode document = set(advisory(), CVSS_V3 + "/modifiedScope", "CHANGED");

        assertOnlyFails(document, "6.1.10", CVSS_V3 + "/modifiedScope");
        assertPasses(set(advisory(), CVSS_V3 + "/modifiedScope", "NOT_DEFINED"));
    }

    @Test
    void cvssV2PropertyContradictingTheVector() {
        ObjectNode document =
                set(withCvssV2Score(), "/vulnerabilities/0/scores/1/cvss_v2/collateralDamagePotential", "LOW");

        assertOnlyFails(document, "6.1.10", "/vulnerabilities/0/scores/1/cvss_v2/collateralDamagePotential");
    }
}
