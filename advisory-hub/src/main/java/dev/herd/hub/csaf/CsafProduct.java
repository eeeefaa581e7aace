package dev.herd.hub.csaf;

import dev.herd.contracts.purl.PackageIdentity;

/**
 * What a product of a CSAF product tree names, as far as the hub can match it: the package (from its purl helper, else
 * its CPE helper ({@link CpePackage}); null when neither names one the platform can match, and then {@code unmatched}
 * says why), and either one version, a vers range or a free-text range.
 */
record CsafProduct(
        String productId,
        PackageIdentity pkg,
        String version,
        VersRange range,
        String freeTextRange,
        String unmatched) {}
