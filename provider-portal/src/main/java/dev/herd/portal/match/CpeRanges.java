package dev.herd.portal.match;

import dev.herd.portal.version.VersionOrders;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ranges of an {@link AdvisoryIndex} that name their package by CPE ({@link CpeProducts}), by product. A CPE says
 * nothing of the ecosystem, so each range is compiled with the version order of the package it is matched against,
 * once per ecosystem.
 */
final class CpeRanges {

    private final Map<String, Map<String, List<CpeRange>>> byProduct = new HashMap<>();

    /** Adds one advisory's CPE ranges; returns the products they name. */
    List<String> put(String advisoryId, Collection<AffectedRange> ranges) {
        Map<String, List<CpeRange>> grouped = new LinkedHashMap<>();
        for (AffectedRange range : ranges) {
            grouped.computeIfAbsent(CpeProducts.product(range.packageName()), p -> new ArrayList<>())
                    .add(new CpeRange(CpeProducts.vendor(range.packageName()), range));
        }
        grouped.forEach((product, list) ->
                byProduct.computeIfAbsent(product, p -> new LinkedHashMap<>()).put(advisoryId, List.copyOf(list)));
        return List.copyOf(grouped.keySet());
    }

    /** Forgets the advisory's ranges of this product. */
    void remove(String advisoryId, String product) {
        Map<String, List<CpeRange>> advisories = byProduct.get(product);
        if (advisories != null) {
            advisories.remove(advisoryId);
            if (advisories.isEmpty()) {
                byProduct.remove(product);
            }
        }
    }

    /** The verdicts for an installed package of {@code ecosystem}, one per advisory, preferring one with a fix. */
    List<Verdict> verdicts(String ecosystem, InstalledPackage installed) {
        Map<String, List<CpeRange>> advisories = byProduct.get(CpeProducts.productOf(installed.name()));
        if (advisories == null) {
            return List.of();
        }
        List<Verdict> verdicts = new ArrayList<>();
        for (List<CpeRange> ranges : advisories.values()) {
            Verdict found = null;
            for (CpeRange range : ranges) {
                if (!CpeProducts.vendorMatches(range.vendor(), installed.name())) {
                    continue;
                }
                Verdict verdict = range.compiled(ecosystem).verdict(installed);
                if (verdict != null && (found == null || (found.fixed() == null && verdict.fixed() != null))) {
                    found = verdict;
                }
            }
            if (found != null) {
                verdicts.add(found);
            }
        }
        return verdicts;
    }

    /** One CPE range with its vendor, compiled per ecosystem on first use. */
    private record CpeRange(String vendor, AffectedRange range, Map<String, CompiledRange> byEcosystem) {

        CpeRange(String vendor, AffectedRange range) {
            this(vendor, range, new ConcurrentHashMap<>());
        }

        CompiledRange compiled(String ecosystem) {
            return byEcosystem.computeIfAbsent(
                    ecosystem, e -> new CompiledRange(range, VersionOrders.forRange(e, range.rangeType())));
        }
    }
}
