package dev.herd.portal.index;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;

/** The formulas of DESIGN §3.6: severity points, age weights and deviation scores. */
public final class IndexCalculator {

    private IndexCalculator() {}

    /** Points of a severity: critical and high 10, medium (moderate) 5, low 1; null for none or unknown. */
    public static Integer points(String severity) {
        if (severity == null) {
            return null;
        }
        return switch (severity.strip().toUpperCase(Locale.ROOT)) {
            case "CRITICAL", "HIGH", "IMPORTANT" -> 10;
            case "MEDIUM", "MODERATE" -> 5;
            case "LOW" -> 1;
            default -> null;
        };
    }

    /** The weight of something that started at {@code since}: under 3 days 0.1, a week 0.5, 30 days 0.8, else 1. */
    public static double ageWeight(Instant since, Instant now) {
        Duration age = Duration.between(since, now);
        if (age.compareTo(Duration.ofDays(3)) < 0) {
            return 0.1;
        }
        if (age.compareTo(Duration.ofDays(7)) < 0) {
            return 0.5;
        }
        if (age.compareTo(Duration.ofDays(30)) < 0) {
            return 0.8;
        }
        return 1.0;
    }

    /** 50 + 10 (x − mean) / σ over the values (σ the population standard deviation; 50 when σ is 0). */
    public static double deviation(double x, Collection<Double> all) {
        double mean = all.stream().mapToDouble(Double::doubleValue).average().orElse(x);
        double variance =
                all.stream().mapToDouble(v -> (v - mean) * (v - mean)).average().orElse(0);
        double sd = Math.sqrt(variance);
        return sd == 0 ? 50 : 50 + 10 * (x - mean) / sd;
    }
}
