package dev.herd.hub.csaf;

import dev.herd.contracts.purl.PackageIdentity;
import java.util.Locale;
import us.springett.parsers.cpe.Cpe;
import us.springett.parsers.cpe.CpeParser;
import us.springett.parsers.cpe.exceptions.CpeParsingException;
import us.springett.parsers.cpe.values.Part;

/**
 * What a CSAF product's {@code cpe} helper (CPE 2.3 formatted string or CPE 2.2 URI) names as a package, conservatively:
 * only applications ({@code a}) with a product, in the ecosystem {@value #ECOSYSTEM} named {@code vendor:product}
 * (lower case, {@code *} for any vendor), with the CPE's version when it names exactly one. Anything else, or a CPE
 * the parser refuses, is no package and says why.
 */
record CpePackage(PackageIdentity pkg, String version, String unmatched) {

    /** The ecosystem CPE-named packages are announced in; the portal matches them by product name in any ecosystem. */
    static final String ECOSYSTEM = "CPE";

    /** Reads {@code cpe}; never throws. */
    static CpePackage of(String cpe) {
        Cpe parsed;
        try {
            parsed = CpeParser.parse(cpe);
        } catch (CpeParsingException | RuntimeException e) {
            return no(cpe, "is not a CPE the hub can read");
        }
        if (parsed.getPart() != Part.APPLICATION) {
            return no(cpe, "names " + what(parsed.getPart()) + ", not an application package");
        }
        String product = lower(parsed.getProduct());
        if (!specific(product)) {
            return no(cpe, "names no product");
        }
        String update = parsed.getUpdate();
        if (specific(update)) {
            return no(cpe, "names an update ('" + update + "'), which no package version says");
        }
        String version = parsed.getVersion();
        if (specific(version) && (version.contains("*") || version.contains("?"))) {
            return no(cpe, "names a version pattern ('" + version + "')");
        }
        String vendor = lower(parsed.getVendor());
        String name = (specific(vendor) ? vendor : "*") + ":" + product;
        return new CpePackage(new PackageIdentity(ECOSYSTEM, name, null), specific(version) ? version : null, null);
    }

    private static CpePackage no(String cpe, String why) {
        return new CpePackage(null, null, "CPE only: " + cpe + " " + why);
    }

    /** A value other than ANY ({@code *}), NA ({@code -}) or empty. */
    private static boolean specific(String value) {
        return value != null && !value.isEmpty() && !value.equals("*") && !value.equals("-");
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static String what(Part part) {
        return switch (part) {
            case OPERATING_SYSTEM -> "an operating system (part o)";
            case HARDWARE_DEVICE -> "hardware (part h)";
            default -> "any kind of product";
        };
    }
}
