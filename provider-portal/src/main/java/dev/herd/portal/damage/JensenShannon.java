package dev.herd.portal.damage;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The Jensen-Shannon divergence (base 2, so between 0 and 1) of two distributions given as counts per key. */
public final class JensenShannon {

    private JensenShannon() {}

    public static double divergence(Map<String, Long> p, Map<String, Long> q) {
        double pTotal = total(p);
        double qTotal = total(q);
        if (pTotal == 0 || qTotal == 0) {
            throw new IllegalArgumentException("both distributions need at least one count");
        }
        Set<String> keys = new HashSet<>(p.keySet());
        keys.addAll(q.keySet());
        double divergence = 0;
        for (String key : keys) {
            double pi = p.getOrDefault(key, 0L) / pTotal;
            double qi = q.getOrDefault(key, 0L) / qTotal;
            double mi = (pi + qi) / 2;
            divergence += term(pi, mi) / 2 + term(qi, mi) / 2;
        }
        return Math.min(1.0, Math.max(0.0, divergence));
    }

    private static double term(double x, double m) {
        return x == 0 ? 0 : x * Math.log(x / m) / Math.log(2);
    }

    private static double total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
