package dev.herd.hub.advisory;

/** Qualitative severity, as CVSS v3/v4 define it from the base score. */
public enum Severity {
    NONE,
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    /** CVSS v3.x / v4.0 qualitative rating of a base score. */
    public static Severity ofScore(double score) {
        if (score == 0.0) {
            return NONE;
        }
        if (score < 4.0) {
            return LOW;
        }
        if (score < 7.0) {
            return MEDIUM;
        }
        return score < 9.0 ? HIGH : CRITICAL;
    }
}
