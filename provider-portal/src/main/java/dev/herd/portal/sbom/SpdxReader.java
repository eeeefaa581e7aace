package dev.herd.portal.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;

/**
 * Reads SPDX 2.3 JSON: the document fields the spec requires are checked, and every package is kept by the purl in
 * its {@code externalRefs} (category {@code PACKAGE-MANAGER}, type {@code purl}, SPDX 2.3 annex F).
 */
final class SpdxReader {

    private static final String VERSION = "SPDX-2.3";
    private static final List<String> REQUIRED = List.of("SPDXID", "name", "dataLicense", "documentNamespace");

    private SpdxReader() {}

    static ParsedSbom read(JsonNode root, int maxComponents) {
        JsonNode spec = root.get("spdxVersion");
        String specVersion = spec != null && spec.isTextual() ? spec.asText() : null;
        if (!VERSION.equals(specVersion)) {
            throw SbomProblems.specVersion("SPDX", specVersion, "SPDX 2.3 JSON (spdxVersion \"SPDX-2.3\")");
        }
        for (String field : REQUIRED) {
            if (!root.path(field).isTextual() || root.path(field).asText().isBlank()) {
                throw SbomProblems.invalid("SPDX 2.3", "the document has no " + field + " (a string).");
            }
        }
        if (!root.path("creationInfo").isObject()) {
            throw SbomProblems.invalid("SPDX 2.3", "the document has no creationInfo (an object).");
        }
        JsonNode packages = root.path("packages");
        if (!packages.isMissingNode() && !packages.isArray()) {
            throw SbomProblems.invalid("SPDX 2.3", "packages must be an array.");
        }
        SbomComponents components = new SbomComponents(maxComponents);
        for (int i = 0; i < packages.size(); i++) {
            JsonNode pkg = packages.get(i);
            if (!pkg.isObject()
                    || !pkg.path("SPDXID").isTextual()
                    || !pkg.path("name").isTextual()) {
                throw SbomProblems.invalid(
                        "SPDX 2.3", "packages[" + i + "] must be an object with an SPDXID and a name.");
            }
            JsonNode refs = pkg.path("externalRefs");
            if (!refs.isMissingNode() && !refs.isArray()) {
                throw SbomProblems.invalid("SPDX 2.3", "packages[" + i + "].externalRefs must be an array.");
            }
            components.add(purlOf(refs));
        }
        return new ParsedSbom(
                SbomFormat.SPDX, "2.3", root.path("name").asText(), components.list(), components.skipped());
    }

    /** The first purl reference, or null. SPDX 2.3 writes the category PACKAGE-MANAGER (2.2: PACKAGE_MANAGER). */
    private static String purlOf(JsonNode refs) {
        for (JsonNode ref : refs) {
            String category = ref.path("referenceCategory").asText("").toUpperCase(Locale.ROOT);
            if ((category.equals("PACKAGE-MANAGER") || category.equals("PACKAGE_MANAGER"))
                    && ref.path("referenceType").asText("").equals("purl")
                    && ref.path("referenceLocator").isTextual()) {
                return ref.path("referenceLocator").asText();
            }
        }
        return null;
    }
}
