package dev.herd.portal.match;

import java.util.Locale;
import java.util.Set;

/**
 * How a package advisories name by CPE (ecosystem {@value #ECOSYSTEM}, name {@code vendor:product}, from vendor CSAF
 * documents whose products carry only a CPE) is found among installed packages and SBOM components: the CPE product
 * equals the last segment of the package name (after the last {@code :} or {@code /}, so the artifact of a Maven
 * {@code group:artifact}, the name of {@code @scope/name} or {@code vendor/name}), case-insensitively; and where the
 * package name carries a vendor (the segments before it: a Maven group's dot-separated parts, an npm scope, a Composer
 * vendor, a Go module path's parts), the CPE vendor is one of them. A package without such a vendor (a dpkg or RPM
 * package, a PyPI name) is matched by product alone.
 */
public final class CpeProducts {

    /** The ecosystem the hub announces CPE-named packages in. */
    public static final String ECOSYSTEM = "CPE";

    private CpeProducts() {}

    /** Whether an advisory's affected entry names a package by CPE. */
    public static boolean isCpe(String ecosystem) {
        return ECOSYSTEM.equals(ecosystem);
    }

    /** The product of a CPE-named package ({@code vendor:product} → {@code product}). */
    public static String product(String cpeName) {
        return cpeName.substring(cpeName.indexOf(':') + 1).toLowerCase(Locale.ROOT);
    }

    /** The vendor of a CPE-named package, or {@code *} for any. */
    public static String vendor(String cpeName) {
        int colon = cpeName.indexOf(':');
        return colon < 0 ? "*" : cpeName.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    /** The name an installed package or component is looked up by: the last segment of its name, lower case. */
    public static String productOf(String packageName) {
        int cut = Math.max(packageName.lastIndexOf(':'), packageName.lastIndexOf('/'));
        return packageName.substring(cut + 1).toLowerCase(Locale.ROOT);
    }

    /** Whether {@code vendor} (from a CPE) may be the vendor of the package {@code packageName}. */
    public static boolean vendorMatches(String vendor, String packageName) {
        int cut = Math.max(packageName.lastIndexOf(':'), packageName.lastIndexOf('/'));
        if (vendor.equals("*") || cut < 0) {
            return true;
        }
        String prefix = packageName.substring(0, cut).toLowerCase(Locale.ROOT);
        if (prefix.startsWith("@")) {
            prefix = prefix.substring(1);
        }
        return Set.of(prefix.split("[.:/]")).contains(vendor);
    }
}
