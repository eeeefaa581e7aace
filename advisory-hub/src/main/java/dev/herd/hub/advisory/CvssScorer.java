package dev.herd.hub.advisory;

import us.springett.cvss.Cvss;

/** Turns a CVSS vector into a rating with the base score (v2, v3.0, v3.1 with springett's cvss-calculator). */
public final class CvssScorer {

    private CvssScorer() {}

    /**
     * The rating of {@code vector}. A vector the calculator cannot score (CVSS 4.0 today) keeps its vector and the
     * score the provider gave, if any; {@code null} when the vector is not CVSS at all.
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
        if (vector.startsWith("CVSS:4.0/")) {
            return new CvssRating(
                    vector.strip(), providedScore, providedScore == null ? null : Severity.ofScore(providedScore));
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
