package dev.herd.hub.csaf;

import dev.herd.contracts.purl.PackageIdentity;
import dev.herd.hub.advisory.AffectedPackage;
import dev.herd.hub.advisory.Patch;
import dev.herd.hub.advisory.RangeEvent;
import dev.herd.hub.advisory.VersionRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The packages one CSAF vulnerability affects, from its product status: products that are {@code first_affected},
 * {@code known_affected} or {@code last_affected} give affected entries (a vers range becomes an OSV range, one
 * version an exact version); {@code fixed} and {@code first_fixed} products give the fixed version (a patch, and the
 * end of an affected range left open when the package has exactly one fixed version). Products the hub cannot match
 * (no purl of a matched ecosystem nor a CPE naming an application, a free-text range, no version) are listed with the
 * reason.
 */
final class CsafAffectedPackages {

    private static final List<String> AFFECTED = List.of("first_affected", "known_affected", "last_affected");
    private static final List<String> FIXED = List.of("first_fixed", "fixed");

    /** The packages, the patches to their fixed versions, and each product not matched with why. */
    record Result(List<AffectedPackage> affected, List<Patch> patches, List<String> unmatched) {}

    private final Map<PackageIdentity, Entry> entries = new LinkedHashMap<>();
    private final List<String> unmatched = new ArrayList<>();

    /** What is collected for one package. */
    private static final class Entry {
        final Set<VersionRange> ranges = new LinkedHashSet<>();
        final Set<String> versions = new LinkedHashSet<>();
        final Set<String> fixed = new LinkedHashSet<>();
    }

    private CsafAffectedPackages() {}

    static Result of(LocatedNode vulnerability, CsafProducts products) {
        CsafAffectedPackages collected = new CsafAffectedPackages();
        LocatedNode status = vulnerability.at("product_status");
        for (String list : AFFECTED) {
            for (LocatedNode id : status.at(list).items()) {
                collected.affected(id.text(), products);
            }
        }
        for (String list : FIXED) {
            for (LocatedNode id : status.at(list).items()) {
                collected.fixed(id.text(), products);
            }
        }
        return collected.result();
    }

    private void affected(String productId, CsafProducts products) {
        CsafProduct product = products.get(productId).orElse(null);
        if (product == null) {
            return; // 6.1.1 rejects references to undefined products
        }
        if (product.pkg() == null) {
            unmatched.add(productId + " (" + product.unmatched() + ")");
            return;
        }
        Entry entry = entries.computeIfAbsent(product.pkg(), k -> new Entry());
        if (product.range() != null) {
            VersToOsv.Conversion conversion = VersToOsv.convert(product.range());
            if (conversion.unsupported() != null) {
                unmatched.add(productId + " (vers range: " + conversion.unsupported() + ")");
                return;
            }
            if (conversion.range() != null) {
                entry.ranges.add(conversion.range());
            }
            entry.versions.addAll(conversion.versions());
        } else if (product.version() != null) {
            entry.versions.add(product.version());
        } else if (product.freeTextRange() != null) {
            unmatched.add(productId + " (free-text range '" + product.freeTextRange() + "', not a vers)");
        } else {
            unmatched.add(productId + " (names no version)");
        }
    }

    private void fixed(String productId, CsafProducts products) {
        CsafProduct product = products.get(productId).orElse(null);
        if (product == null || product.pkg() == null) {
            return;
        }
        Entry entry = entries.computeIfAbsent(product.pkg(), k -> new Entry());
        if (product.version() != null) {
            entry.fixed.add(product.version());
        } else if (product.range() != null
                && product.range().constraints().size() == 1
                && product.range().constraints().get(0).comparator() == VersRange.Comparator.GREATER_OR_EQUAL) {
            // "vers:npm/>=1.2.3" among the fixed products: fixed from 1.2.3 on.
            entry.fixed.add(product.range().constraints().get(0).version());
        }
    }

    private Result result() {
        List<AffectedPackage> affected = new ArrayList<>();
        List<Patch> patches = new ArrayList<>();
        entries.forEach((pkg, entry) -> {
            entry.fixed.forEach(version -> patches.add(new Patch(pkg.ecosystem(), pkg.name(), version, null, null)));
            if (entry.ranges.isEmpty() && entry.versions.isEmpty()) {
                return; // only fixed products: nothing said to be affected
            }
            List<VersionRange> ranges = entry.ranges.stream()
                    .map(range -> entry.fixed.size() == 1
                            ? closed(range, entry.fixed.iterator().next())
                            : range)
                    .toList();
            affected.add(new AffectedPackage(
                    pkg.ecosystem(), pkg.name(), pkg.purl(), ranges, List.copyOf(entry.versions), List.of(), null));
        });
        return new Result(List.copyOf(affected), List.copyOf(patches), List.copyOf(unmatched));
    }

    /** The range with {@code fixed} added when its last interval is left open ({@code >=1.0} and fixed 1.4). */
    private static VersionRange closed(VersionRange range, String fixed) {
        RangeEvent last = range.events().get(range.events().size() - 1);
        if (last.introduced() == null) {
            return range;
        }
        List<RangeEvent> events = new ArrayList<>(range.events());
        events.add(new RangeEvent(null, fixed, null, null));
        return new VersionRange(range.type(), events);
    }
}
