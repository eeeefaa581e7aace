package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * CSAF 2.0 6.1.9: the base, temporal and environmental scores (and, for CVSS v3, severities) given in a CVSS object
 * are those its {@code vectorString} computes to. The vector takes precedence; objects whose vector is unusable are
 * left to 6.1.8 and 6.1.10.
 */
final class InvalidCvssComputation implements CsafTest {

    @Override
    public String id() {
        return "6.1.9";
    }

    @Override
    public String name() {
        return "Invalid CVSS computation";
    }

    @Override
    public void check(JsonNode document, List<CsafTestFailure> failures) {
        for (LocatedNode cvss : CvssVector.objectsIn(document)) {
            boolean v3 = cvss.path().endsWith("/cvss_v3");
            Optional<CvssScoring.Scores> scores = CvssVector.parse(
                            cvss.at("vectorString").text())
                    .filter(vector -> v3
                            ? vector.version().startsWith("3.")
                            : vector.version().equals("2.0"))
                    .flatMap(CvssScoring::of);
            if (scores.isEmpty()) {
                continue;
            }
            checkScore(cvss, "base", scores.get().base(), v3, failures);
            checkScore(cvss, "temporal", scores.get().temporal(), v3, failures);
            checkScore(cvss, "environmental", scores.get().environmental(), v3, failures);
        }
    }

    private void checkScore(LocatedNode cvss, String kind, double computed, boolean v3, List<CsafTestFailure> out) {
        LocatedNode score = cvss.at(kind + "Score");
        if (score.node().isNumber() && Math.abs(score.node().asDouble() - computed) > 1e-6) {
            out.add(failure(
                    score.path(),
                    kind + "Score is " + score.node().asText() + " but the vector computes to " + computed + "."));
        }
        LocatedNode severity = cvss.at(kind + "Severity");
        String expected = CvssScoring.severity(computed);
        if (v3 && severity.text() != null && !severity.text().equals(expected)) {
            out.add(failure(
                    severity.path(),
                    kind + "Severity is " + severity.text() + " but the " + kind + " score " + computed + " is rated "
                            + expected + "."));
        }
    }
}
