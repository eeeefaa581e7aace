package dev.herd.hub.csaf;

import dev.herd.contracts.purl.PackageIdentity;

/**
 * What a product of a CSAF product tree names, as far as the hub can match it: the package (from its purl helper;
 * null when it has none the platform can match), and either one version, a vers range or a free-text range; the CPE
 * helper is kept to say why a product without purl is not matched.
 */
record CsafProduct(
        String productId, PackageIdentity pkg, String version, VersRange range, String freeTextRange, String cpe) {}
