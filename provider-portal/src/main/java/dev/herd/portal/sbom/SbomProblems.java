package dev.herd.portal.sbom;

import dev.herd.contracts.problem.HerdException;

/** The 400 problems of a document Herd cannot take as an SBOM, with their stable codes. */
final class SbomProblems {

    private SbomProblems() {}

    static HerdException notJson(String detail) {
        return HerdException.badRequest("sbom-not-json", "The body is not a JSON document: " + detail);
    }

    static HerdException notXml(String detail) {
        return HerdException.badRequest("sbom-not-xml", "The body is not a well-formed XML document: " + detail);
    }

    static HerdException xmlDoctype() {
        return HerdException.badRequest(
                "sbom-xml-doctype",
                "The XML document has a DOCTYPE: DTDs and entity declarations are refused (they can read files and"
                        + " addresses of the server); CycloneDX XML needs none.");
    }

    static HerdException unknownXmlFormat(String root) {
        return HerdException.badRequest(
                "sbom-format-unknown",
                "The XML document is not a CycloneDX BOM: its root element is " + root
                        + ", not bom in a http://cyclonedx.org/schema/bom/ namespace.");
    }

    static HerdException notTagValue(int line, String detail) {
        return HerdException.badRequest(
                "sbom-not-tag-value", "The body is not an SPDX tag-value document: line " + line + ": " + detail);
    }

    static HerdException unknownFormat() {
        return HerdException.badRequest(
                "sbom-format-unknown",
                "The document is neither CycloneDX JSON (bomFormat \"CycloneDX\") nor SPDX JSON (spdxVersion).");
    }

    static HerdException specVersion(String format, String got, String accepted) {
        return HerdException.badRequest(
                "sbom-spec-version",
                format + " spec version " + (got == null ? "(none)" : "'" + got + "'") + " is not supported; send "
                        + accepted + ".");
    }

    static HerdException invalid(String format, String detail) {
        return HerdException.badRequest("sbom-invalid", "The " + format + " document is invalid: " + detail);
    }

    static HerdException nul() {
        return HerdException.badRequest(
                "sbom-nul-character", "The document contains a NUL character (U+0000), which no SBOM field may hold.");
    }

    static HerdException tooManyComponents(int limit) {
        return HerdException.badRequest(
                "sbom-too-many-components",
                "The document lists more than " + limit + " components with a package URL; split it.");
    }
}
