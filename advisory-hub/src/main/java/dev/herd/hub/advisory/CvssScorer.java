package dev.herd.hub.advisory;

import java.util.regex.Pattern;
import org.metaeffekt.core.security.cvss.v4P0.Cvss4P0;
import us.springett.cvss.Cvss;

/**
 * Turns a CVSS vector into a rating with the base score: v2, v3.0 and v3.1 with springett's cvss-calculator, v4.0
 * with metaeffekt's calculator (FIRST's MacroVector method).
 */
public final class CvssScorer {

    /** Every base metric of CVSS 4.0 must be present before a vector is scored. */
    private static final Pattern CVSS4_BASE = Pattern.compile(
            "^CVSS:4\\.0/AV:[NALP]/AC:[LH]/AT:[NP]/PR:[NLH]/UI:[NPA]/VC:[HLN]/VI:[HLN]/VA:[HLN]/SC:[HLN]/SI:[HLN]/SA:[HLN]");

    private CvssScorer() {}

    /**
     * The rating of {@code vector}; {@code null} when the vector is not a complete CVSS vector. Without a vector, the
     * score the provider gave, if any.
     */
    public static CvssRating rate(String vector, Double providedScore) {
        if (vector == null || vector.isBlank()) {
            return providedScore == null ? null : new CvssRating(null, providedScore, Severity.ofScore(providedScore));
        }
        Cvss cvss = parse(vector.strip());
        if (cvss != null) {
            double score = cvss.calculateScore().getBaseScore();
            return new CvssRating(vector.strip(), score, Severity.ofScore(score));
        }
        if (CVSS4_BASE.matcher(vector.strip()).find()) {
            double score = new Cvss4P0(vector.strip()).getBaseScore();
            return new CvssRating(vector.strip(), score, Severity.ofScore(score));
        }
        return null;
    }

    private static Cvss parse(String vector) {
        try {
            return Cvss.fromVector(vector);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
