package dev.herd.hub.csaf;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the FIRST CVSS JSON schemas (v2.0, v3.0, v3.1) name each vector metric as a property, and each metric value as
 * a property value.
 */
final class CvssMetricNames {

    /**
     * One vector metric: its key in the vector, its JSON property, the vector value meaning "not defined" (assumed
     * when the vector omits the metric; {@code null} for base metrics, which a vector must set) and the property
     * value for each vector value.
     */
    record Metric(String key, String property, String notDefined, Map<String, String> values) {}

    private static final Map<String, String> V3_ATTACK_VECTOR =
            Map.of("N", "NETWORK", "A", "ADJACENT_NETWORK", "L", "LOCAL", "P", "PHYSICAL");
    private static final Map<String, String> V3_COMPLEXITY = Map.of("L", "LOW", "H", "HIGH");
    private static final Map<String, String> V3_PRIVILEGES = Map.of("N", "NONE", "L", "LOW", "H", "HIGH");
    private static final Map<String, String> V3_INTERACTION = Map.of("N", "NONE", "R", "REQUIRED");
    private static final Map<String, String> V3_SCOPE = Map.of("U", "UNCHANGED", "C", "CHANGED");
    private static final Map<String, String> V3_IMPACT = Map.of("H", "HIGH", "L", "LOW", "N", "NONE");
    private static final Map<String, String> REQUIREMENT = Map.of("L", "LOW", "M", "MEDIUM", "H", "HIGH");

    private static final List<Metric> V3 = List.of(
            base("AV", "attackVector", V3_ATTACK_VECTOR),
            base("AC", "attackComplexity", V3_COMPLEXITY),
            base("PR", "privilegesRequired", V3_PRIVILEGES),
            base("UI", "userInteraction", V3_INTERACTION),
            base("S", "scope", V3_SCOPE),
            base("C", "confidentialityImpact", V3_IMPACT),
            base("I", "integrityImpact", V3_IMPACT),
            base("A", "availabilityImpact", V3_IMPACT),
            optional(
                    "E",
                    "exploitCodeMaturity",
                    "X",
                    Map.of("U", "UNPROVEN", "P", "PROOF_OF_CONCEPT", "F", "FUNCTIONAL", "H", "HIGH")),
            optional(
                    "RL",
                    "remediationLevel",
                    "X",
                    Map.of("O", "OFFICIAL_FIX", "T", "TEMPORARY_FIX", "W", "WORKAROUND", "U", "UNAVAILABLE")),
            optional("RC", "reportConfidence", "X", Map.of("U", "UNKNOWN", "R", "REASONABLE", "C", "CONFIRMED")),
            optional("CR", "confidentialityRequirement", "X", REQUIREMENT),
            optional("IR", "integrityRequirement", "X", REQUIREMENT),
            optional("AR", "availabilityRequirement", "X", REQUIREMENT),
            optional("MAV", "modifiedAttackVector", "X", V3_ATTACK_VECTOR),
            optional("MAC", "modifiedAttackComplexity", "X", V3_COMPLEXITY),
            optional("MPR", "modifiedPrivilegesRequired", "X", V3_PRIVILEGES),
            optional("MUI", "modifiedUserInteraction", "X", V3_INTERACTION),
            optional("MS", "modifiedScope", "X", V3_SCOPE),
            optional("MC", "modifiedConfidentialityImpact", "X", V3_IMPACT),
            optional("MI", "modifiedIntegrityImpact", "X", V3_IMPACT),
            optional("MA", "modifiedAvailabilityImpact", "X", V3_IMPACT));

    private static final Map<String, String> V2_IMPACT = Map.of("N", "NONE", "P", "PARTIAL", "C", "COMPLETE");

    private static final List<Metric> V2 = List.of(
            base("AV", "accessVector", Map.of("L", "LOCAL", "A", "ADJACENT_NETWORK", "N", "NETWORK")),
            base("AC", "accessComplexity", Map.of("H", "HIGH", "M", "MEDIUM", "L", "LOW")),
            base("Au", "authentication", Map.of("M", "MULTIPLE", "S", "SINGLE", "N", "NONE")),
            base("C", "confidentialityImpact", V2_IMPACT),
            base("I", "integrityImpact", V2_IMPACT),
            base("A", "availabilityImpact", V2_IMPACT),
            optional(
                    "E",
                    "exploitability",
                    "ND",
                    Map.of("U", "UNPROVEN", "POC", "PROOF_OF_CONCEPT", "F", "FUNCTIONAL", "H", "HIGH")),
            optional(
                    "RL",
                    "remediationLevel",
                    "ND",
                    Map.of("OF", "OFFICIAL_FIX", "TF", "TEMPORARY_FIX", "W", "WORKAROUND", "U", "UNAVAILABLE")),
            optional(
                    "RC",
                    "reportConfidence",
                    "ND",
                    Map.of("UC", "UNCONFIRMED", "UR", "UNCORROBORATED", "C", "CONFIRMED")),
            optional(
                    "CDP",
                    "collateralDamagePotential",
                    "ND",
                    Map.of("N", "NONE", "L", "LOW", "LM", "LOW_MEDIUM", "MH", "MEDIUM_HIGH", "H", "HIGH")),
            optional("TD", "targetDistribution", "ND", Map.of("N", "NONE", "L", "LOW", "M", "MEDIUM", "H", "HIGH")),
            optional("CR", "confidentialityRequirement", "ND", REQUIREMENT),
            optional("IR", "integrityRequirement", "ND", REQUIREMENT),
            optional("AR", "availabilityRequirement", "ND", REQUIREMENT));

    private CvssMetricNames() {}

    /** The metrics of CVSS {@code version} ("2.0", "3.0" or "3.1"); none for any other version. */
    static List<Metric> of(String version) {
        return switch (version) {
            case "2.0" -> V2;
            case "3.0", "3.1" -> V3;
            default -> List.of();
        };
    }

    private static Metric base(String key, String property, Map<String, String> values) {
        return new Metric(key, property, null, values);
    }

    private static Metric optional(String key, String property, String notDefined, Map<String, String> values) {
        Map<String, String> withNotDefined = new HashMap<>(values);
        withNotDefined.put(notDefined, "NOT_DEFINED");
        return new Metric(key, property, notDefined, Map.copyOf(withNotDefined));
    }
}
