package dev.herd.hub.csaf;

import java.util.Map;
import java.util.Optional;

/**
 * Environmental scores of CVSS v2 (CVSS v2 guide section 3.2.3) and CVSS v3.0 (CVSS v3.0 specification section
 * 8.3), which the cvss-calculator library does not compute.
 */
final class CvssEnvironmentalScore {

    private static final Map<String, Double> V2_ACCESS_VECTOR = Map.of("L", 0.395, "A", 0.646, "N", 1.0);
    private static final Map<String, Double> V2_ACCESS_COMPLEXITY = Map.of("H", 0.35, "M", 0.61, "L", 0.71);
    private static final Map<String, Double> V2_AUTHENTICATION = Map.of("M", 0.45, "S", 0.56, "N", 0.704);
    private static final Map<String, Double> V2_IMPACT = Map.of("N", 0.0, "P", 0.275, "C", 0.660);
    private static final Map<String, Double> V2_EXPLOITABILITY =
            Map.of("U", 0.85, "POC", 0.9, "F", 0.95, "H", 1.0, "ND", 1.0);
    private static final Map<String, Double> V2_REMEDIATION =
            Map.of("OF", 0.87, "TF", 0.90, "W", 0.95, "U", 1.0, "ND", 1.0);
    private static final Map<String, Double> V2_CONFIDENCE = Map.of("UC", 0.90, "UR", 0.95, "C", 1.0, "ND", 1.0);
    private static final Map<String, Double> V2_COLLATERAL =
            Map.of("N", 0.0, "L", 0.1, "LM", 0.3, "MH", 0.4, "H", 0.5, "ND", 0.0);
    private static final Map<String, Double> V2_TARGETS = Map.of("N", 0.0, "L", 0.25, "M", 0.75, "H", 1.0, "ND", 1.0);
    private static final Map<String, Double> V2_REQUIREMENT = Map.of("L", 0.5, "M", 1.0, "H", 1.51, "ND", 1.0);

    private static final Map<String, Double> V3_ATTACK_VECTOR = Map.of("N", 0.85, "A", 0.62, "L", 0.55, "P", 0.2);
    private static final Map<String, Double> V3_COMPLEXITY = Map.of("L", 0.77, "H", 0.44);
    private static final Map<String, Double> V3_PRIVILEGES_UNCHANGED = Map.of("N", 0.85, "L", 0.62, "H", 0.27);
    private static final Map<String, Double> V3_PRIVILEGES_CHANGED = Map.of("N", 0.85, "L", 0.68, "H", 0.5);
    private static final Map<String, Double> V3_INTERACTION = Map.of("N", 0.85, "R", 0.62);
    private static final Map<String, Double> V3_IMPACT = Map.of("H", 0.56, "L", 0.22, "N", 0.0);
    private static final Map<String, Double> V3_EXPLOIT_MATURITY =
            Map.of("X", 1.0, "U", 0.91, "P", 0.94, "F", 0.97, "H", 1.0);
    private static final Map<String, Double> V3_REMEDIATION =
            Map.of("X", 1.0, "O", 0.95, "T", 0.96, "W", 0.97, "U", 1.0);
    private static final Map<String, Double> V3_CONFIDENCE = Map.of("X", 1.0, "U", 0.92, "R", 0.96, "C", 1.0);
    private static final Map<String, Double> V3_REQUIREMENT = Map.of("X", 1.0, "L", 0.5, "M", 1.0, "H", 1.5);

    private CvssEnvironmentalScore() {}

    /** The CVSS v2 environmental score, or empty if a metric has an unknown value. */
    static Optional<Double> v2(CvssVector vector) {
        try {
            double confidentiality =
                    weight(V2_IMPACT, vector.metric("C", "")) * weight(V2_REQUIREMENT, vector.metric("CR", "ND"));
            double integrity =
                    weight(V2_IMPACT, vector.metric("I", "")) * weight(V2_REQUIREMENT, vector.metric("IR", "ND"));
            double availability =
                    weight(V2_IMPACT, vector.metric("A", "")) * weight(V2_REQUIREMENT, vector.metric("AR", "ND"));
            double adjustedImpact =
                    Math.min(10, 10.41 * (1 - (1 - confidentiality) * (1 - integrity) * (1 - availability)));
            double exploitability = 20
                    * weight(V2_ACCESS_VECTOR, vector.metric("AV", ""))
                    * weight(V2_ACCESS_COMPLEXITY, vector.metric("AC", ""))
                    * weight(V2_AUTHENTICATION, vector.metric("Au", ""));
            double adjustedBase = roundToOneDecimal(
                    (0.6 * adjustedImpact + 0.4 * exploitability - 1.5) * (adjustedImpact == 0 ? 0 : 1.176));
            double adjustedTemporal = roundToOneDecimal(adjustedBase
                    * weight(V2_EXPLOITABILITY, vector.metric("E", "ND"))
                    * weight(V2_REMEDIATION, vector.metric("RL", "ND"))
                    * weight(V2_CONFIDENCE, vector.metric("RC", "ND")));
            double collateral = weight(V2_COLLATERAL, vector.metric("CDP", "ND"));
            double targets = weight(V2_TARGETS, vector.metric("TD", "ND"));
            return Optional.of(roundToOneDecimal((adjustedTemporal + (10 - adjustedTemporal) * collateral) * targets));
        } catch (IllegalArgumentException unknownValue) {
            return Optional.empty();
        }
    }

    /** The CVSS v3.0 environmental score, or empty if a metric has an unknown value. */
    static Optional<Double> v30(CvssVector vector) {
        try {
            boolean changed = modified(vector, "S").equals("C");
            double confidentiality =
                    weight(V3_REQUIREMENT, vector.metric("CR", "X")) * weight(V3_IMPACT, modified(vector, "C"));
            double integrity =
                    weight(V3_REQUIREMENT, vector.metric("IR", "X")) * weight(V3_IMPACT, modified(vector, "I"));
            double availability =
                    weight(V3_REQUIREMENT, vector.metric("AR", "X")) * weight(V3_IMPACT, modified(vector, "A"));
            double impactSubScore = Math.min(1 - (1 - confidentiality) * (1 - integrity) * (1 - availability), 0.915);
            double impact = changed
                    ? 7.52 * (impactSubScore - 0.029) - 3.25 * Math.pow(impactSubScore - 0.02, 15)
                    : 6.42 * impactSubScore;
            double exploitability = 8.22
                    * weight(V3_ATTACK_VECTOR, modified(vector, "AV"))
                    * weight(V3_COMPLEXITY, modified(vector, "AC"))
                    * weight(changed ? V3_PRIVILEGES_CHANGED : V3_PRIVILEGES_UNCHANGED, modified(vector, "PR"))
                    * weight(V3_INTERACTION, modified(vector, "UI"));
            double temporal = weight(V3_EXPLOIT_MATURITY, vector.metric("E", "X"))
                    * weight(V3_REMEDIATION, vector.metric("RL", "X"))
                    * weight(V3_CONFIDENCE, vector.metric("RC", "X"));
            if (impact <= 0) {
                return Optional.of(0.0);
            }
            double modifiedBase = roundUp(Math.min((changed ? 1.08 : 1.0) * (impact + exploitability), 10));
            return Optional.of(roundUp(modifiedBase * temporal));
        } catch (IllegalArgumentException unknownValue) {
            return Optional.empty();
        }
    }

    /** The value of modified metric {@code M<key>}, or of base metric {@code key} if it is absent or "X". */
    private static String modified(CvssVector vector, String key) {
        String value = vector.metric("M" + key, "X");
        return value.equals("X") ? vector.metric(key, "") : value;
    }

    private static double weight(Map<String, Double> weights, String value) {
        Double weight = weights.get(value);
        if (weight == null) {
            throw new IllegalArgumentException("Unknown CVSS metric value '" + value + "'");
        }
        return weight;
    }

    /** "round_to_1_decimal" of the CVSS v2 guide, as its reference calculator does it. */
    private static double roundToOneDecimal(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /**
     * "Roundup" (smallest one-decimal number not below the input), in the floating-point-safe form CVSS v3.1
     * Appendix A gives for it.
     */
    private static double roundUp(double value) {
        long scaled = Math.round(value * 100_000);
        return scaled % 10_000 == 0 ? scaled / 100_000.0 : (Math.floorDiv(scaled, 10_000) + 1) / 10.0;
    }
}
