package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.herd.contracts.purl.PackageIdentity;
import dev.herd.contracts.purl.PurlEcosystems;
import dev.herd.hub.ingest.Issue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the products of a CSAF product tree as packages: a product's purl helper names the package (and its
 * version, if it has one), or, without a purl, its CPE helper ({@link CpePackage}); the {@code product_version} or
 * {@code product_version_range} branch above it names its
 * version or range; a relationship's product is the package of its {@code product_reference} (the component is
 * what a machine has installed). A {@code product_version_range} that starts with {@code vers:} but is no vers is an
 * error ({@code csaf-vers-invalid}) naming the branch.
 */
final class CsafProducts {

    private final Map<String, CsafProduct> byId = new HashMap<>();

    private CsafProducts() {}

    /** The products of {@code document}; errors for malformed vers ranges go to {@code errors}. */
    static CsafProducts read(JsonNode document, List<Issue> errors) {
        CsafProducts products = new CsafProducts();
        LocatedNode tree = LocatedNode.root(document).at("product_tree");
        products.branches(tree.at("branches"), null, errors);
        for (LocatedNode product : tree.at("full_product_names").items()) {
            products.add(product, null);
        }
        for (LocatedNode relationship : tree.at("relationships").items()) {
            products.relationship(relationship);
        }
        return products;
    }

    /** The product with {@code productId}, if the tree defines it. */
    Optional<CsafProduct> get(String productId) {
        return Optional.ofNullable(byId.get(productId));
    }

    private void branches(LocatedNode list, LocatedNode versionBranch, List<Issue> errors) {
        for (LocatedNode branch : list.items()) {
            String category = branch.at("category").text();
            LocatedNode versions = versionBranch;
            if ("product_version".equals(category) || "product_version_range".equals(category)) {
                versions = branch;
                checkVers(branch, errors);
            }
            if (branch.at("product").exists()) {
                add(branch.at("product"), versions);
            }
            branches(branch.at("branches"), versions, errors);
        }
    }

    private static void checkVers(LocatedNode branch, List<Issue> errors) {
        String name = branch.at("name").text();
        if (!"product_version_range".equals(branch.at("category").text()) || name == null || !VersRange.isVers(name)) {
            return;
        }
        try {
            VersRange.parse(name);
        } catch (IllegalArgumentException e) {
            errors.add(new Issue(
                    "csaf-vers-invalid",
                    branch.at("name").path() + ": '" + name + "' is not a valid vers: " + e.getMessage() + "."));
        }
    }

    private void add(LocatedNode product, LocatedNode versionBranch) {
        String productId = product.at("product_id").text();
        if (productId == null) {
            return;
        }
        LocatedNode helper = product.at("product_identification_helper");
        PackageURL purl = purl(helper.at("purl").text());
        PackageIdentity pkg =
                purl == null ? null : PurlEcosystems.identify(purl).orElse(null);
        String version = purl == null ? null : PurlEcosystems.version(purl);
        String unmatched = pkg == null ? "no purl of an ecosystem Herd matches" : null;
        String cpe = helper.at("cpe").text();
        if (purl == null && cpe != null) {
            CpePackage named = CpePackage.of(cpe);
            pkg = named.pkg();
            version = named.version();
            unmatched = named.unmatched();
        }
        VersRange range = null;
        String freeText = null;
        if (versionBranch != null) {
            String name = versionBranch.at("name").text();
            if ("product_version_range".equals(versionBranch.at("category").text())) {
                range = vers(name);
                freeText = range == null ? name : null;
                version = null;
            } else if (version == null) {
                version = name;
            }
        }
        byId.put(productId, new CsafProduct(productId, pkg, version, range, freeText, unmatched));
    }

    private void relationship(LocatedNode relationship) {
        LocatedNode product = relationship.at("full_product_name");
        String productId = product.at("product_id").text();
        if (productId == null) {
            return;
        }
        if (product.at("product_identification_helper").at("purl").exists()) {
            add(product, null);
            return;
        }
        CsafProduct component = byId.get(relationship.at("product_reference").text());
        if (component != null) {
            byId.put(
                    productId,
                    new CsafProduct(
                            productId,
                            component.pkg(),
                            component.version(),
                            component.range(),
                            component.freeTextRange(),
                            component.unmatched()));
        }
    }

    private static PackageURL purl(String text) {
        if (text == null) {
            return null;
        }
        try {
            return new PackageURL(text);
        } catch (MalformedPackageURLException e) {
            return null; // 6.1.13 has rejected the document already
        }
    }

    private static VersRange vers(String name) {
        if (name == null || !VersRange.isVers(name)) {
            return null;
        }
        try {
            return VersRange.parse(name);
        } catch (IllegalArgumentException e) {
            return null; // checkVers reported it
        }
    }
}
