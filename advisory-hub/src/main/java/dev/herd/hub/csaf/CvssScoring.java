package dev.herd.hub.csaf;

import java.util.Optional;
import us.springett.cvss.Cvss;
import us.springett.cvss.Score;

/**
 * The scores a CVSS vector defines. Base and temporal scores of CVSS v2, v3.0 and v3.1, and v3.1 environmental
 * scores, come from the cvss-calculator library; it does not compute v2 and v3.0 environmental scores, which {@link
 * CvssEnvironmentalScore} does.
 */
final class CvssScoring {

    /** The scores of one vector; without temporal or environmental metrics those equal the base score. */
    record Scores(double base, double temporal, double environmental) {}

    private CvssScoring() {}

    /** The scores of {@code vector}, or empty if it is no valid CVSS v2, v3.0 or v3.1 vector. */
    static Optional<Scores> of(CvssVector vector) {
        Cvss cvss;
        try {
            cvss = Cvss.fromVector(vector.text());
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
        if (cvss == null) {
            return Optional.empty();
        }
        Score score = cvss.calculateScore();
        Optional<Double> environmental = switch (vector.version()) {
            case "3.1" -> Optional.of(score.getEnvironmentalScore());
            case "3.0" -> CvssEnvironmentalScore.v30(vector);
            case "2.0" -> CvssEnvironmentalScore.v2(vector);
            default -> Optional.empty();
        };
        return environmental.map(env -> new Scores(score.getBaseScore(), score.getTemporalScore(), env));
    }

    /** The qualitative severity rating of a CVSS v3.x score (CVSS v3.1 specification section 5). */
    static String severity(double score) {
        if (score == 0.0) {
            return "NONE";
        } else if (score < 4.0) {
            return "LOW";
        } else if (score < 7.0) {
            return "MEDIUM";
        } else if (score < 9.0) {
            return "HIGH";
        }
        return "CRITICAL";
    }
}
