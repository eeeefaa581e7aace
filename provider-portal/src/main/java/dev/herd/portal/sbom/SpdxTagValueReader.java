package dev.herd.portal.sbom;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads SPDX 2.3 tag-value ({@code .spdx}, SPDX 2.3 clauses 6-13 and annex F): UTF-8 lines of {@code Tag: value}, a
 * value over several lines inside {@code <text>...</text>}, {@code #} comments. It is strict: a tag SPDX 2.3 does not
 * define, a line that is no tag, a package tag outside a package, a missing or repeated document field is a 400 naming
 * the line. Every package is kept by its first {@code ExternalRef: PACKAGE-MANAGER purl <purl>}, as in SPDX JSON.
 */
final class SpdxTagValueReader {

    private static final String FORMAT = "SPDX 2.3 tag-value";

    /** The document creation fields SPDX 2.3 requires (clause 6); {@code Creator} may repeat, the others not. */
    private static final List<String> DOCUMENT_REQUIRED =
            List.of("SPDXVersion", "DataLicense", "SPDXID", "DocumentName", "DocumentNamespace", "Creator", "Created");

    private static final Set<String> DOCUMENT = Set.of(
            "SPDXVersion",
            "DataLicense",
            "DocumentName",
            "DocumentNamespace",
            "ExternalDocumentRef",
            "LicenseListVersion",
            "Creator",
            "Created",
            "CreatorComment",
            "DocumentComment");

    /** Tags that may appear once in the document, or once in a package. */
    private static final Set<String> SINGLE = Set.of(
            "SPDXVersion",
            "DataLicense",
            "SPDXID",
            "DocumentName",
            "DocumentNamespace",
            "LicenseListVersion",
            "Created",
            "PackageVersion");

    private static final Set<String> PACKAGE = Set.of(
            "PackageVersion",
            "PackageFileName",
            "PackageSupplier",
            "PackageOriginator",
            "PackageDownloadLocation",
            "FilesAnalyzed",
            "PackageVerificationCode",
            "PackageChecksum",
            "PackageHomePage",
            "PackageSourceInfo",
            "PackageLicenseConcluded",
            "PackageLicenseInfoFromFiles",
            "PackageLicenseDeclared",
            "PackageLicenseComments",
            "PackageCopyrightText",
            "PackageSummary",
            "PackageDescription",
            "PackageComment",
            "ExternalRef",
            "ExternalRefComment",
            "PackageAttributionText",
            "PrimaryPackagePurpose",
            "ReleaseDate",
            "BuiltDate",
            "ValidUntilDate");

    /** Files, snippets, other licensing information, relationships, annotations and reviews: read past. */
    private static final Set<String> OTHER = Set.of(
            "FileName",
            "FileType",
            "FileChecksum",
            "LicenseConcluded",
            "LicenseInfoInFile",
            "LicenseComments",
            "FileCopyrightText",
            "ArtifactOfProjectName",
            "ArtifactOfProjectHomePage",
            "ArtifactOfProjectURI",
            "FileComment",
            "FileNotice",
            "FileContributor",
            "FileAttributionText",
            "FileDependency",
            "SnippetSPDXID",
            "SnippetFromFileSPDXID",
            "SnippetByteRange",
            "SnippetLineRange",
            "SnippetLicenseConcluded",
            "LicenseInfoInSnippet",
            "SnippetLicenseComments",
            "SnippetCopyrightText",
            "SnippetComment",
            "SnippetName",
            "SnippetAttributionText",
            "LicenseID",
            "ExtractedText",
            "LicenseName",
            "LicenseCrossReference",
            "LicenseComment",
            "Relationship",
            "RelationshipComment",
            "Annotator",
            "AnnotationDate",
            "AnnotationType",
            "SPDXREF",
            "AnnotationComment",
            "Reviewer",
            "ReviewDate",
            "ReviewComment");

    /** Tags that end a package: what follows them is a file's, a snippet's or an extracted license's. */
    private static final Set<String> SECTION_STARTS = Set.of("FileName", "SnippetSPDXID", "LicenseID");

    private SpdxTagValueReader() {}

    static ParsedSbom read(byte[] body, int maxComponents) {
        List<SpdxTagValueLines.Tag> tags = SpdxTagValueLines.parse(text(body));
        String specVersion = tags.stream()
                .filter(t -> t.name().equals("SPDXVersion"))
                .findFirst()
                .map(SpdxTagValueLines.Tag::value)
                .orElse(null);
        if (!"SPDX-2.3".equals(specVersion)) {
            throw SbomProblems.specVersion("SPDX", specVersion, "SPDX 2.3 tag-value (SPDXVersion: SPDX-2.3)");
        }
        Map<String, SpdxTagValueLines.Tag> document = new HashMap<>();
        SbomComponents components = new SbomComponents(maxComponents);
        boolean inDocument = true;
        SpdxPackage pkg = null;
        for (SpdxTagValueLines.Tag tag : tags) {
            String name = tag.name();
            if (!DOCUMENT.contains(name)
                    && !PACKAGE.contains(name)
                    && !OTHER.contains(name)
                    && !name.equals("SPDXID")
                    && !name.equals("PackageName")) {
                throw invalid(tag.line(), "unknown tag " + name + " (SPDX 2.3 defines no such tag).");
            }
            if (name.equals("PackageName") || SECTION_STARTS.contains(name)) {
                finish(pkg, components);
                pkg = name.equals("PackageName") ? new SpdxPackage(tag) : null;
                inDocument = false;
            } else if (PACKAGE.contains(name)) {
                if (pkg == null) {
                    throw invalid(tag.line(), name + " outside a package (no PackageName before it).");
                }
                pkg.take(tag);
            } else if (DOCUMENT.contains(name) || name.equals("SPDXID") && inDocument) {
                once(document, tag);
            } else if (name.equals("SPDXID") && pkg != null) {
                pkg.take(tag);
            }
        }
        finish(pkg, components);
        for (String required : DOCUMENT_REQUIRED) {
            if (!document.containsKey(required)) {
                throw SbomProblems.invalid(FORMAT, "the document has no " + required + " tag.");
            }
        }
        return new ParsedSbom(
                SbomFormat.SPDX, "2.3", document.get("DocumentName").value(), components.list(), components.skipped());
    }

    /** One package being read: its first line, its SPDXID and version seen, its first purl. */
    private static final class SpdxPackage {

        private final SpdxTagValueLines.Tag start;
        private final Map<String, SpdxTagValueLines.Tag> single = new HashMap<>();
        private String purl;

        SpdxPackage(SpdxTagValueLines.Tag start) {
            this.start = start;
        }

        void take(SpdxTagValueLines.Tag tag) {
            if (SINGLE.contains(tag.name())) {
                once(single, tag);
            }
            if (tag.name().equals("ExternalRef")) {
                String locator = purlOf(tag);
                purl = purl == null ? locator : purl;
            }
        }
    }

    private static void finish(SpdxPackage pkg, SbomComponents components) {
        if (pkg == null) {
            return;
        }
        if (!pkg.single.containsKey("SPDXID")) {
            throw invalid(
                    pkg.start.line(), "the package " + pkg.start.value() + " has no SPDXID (SPDX 2.3 clause 7.2).");
        }
        components.add(pkg.purl);
    }

    /** An ExternalRef's locator when it is a purl (category PACKAGE-MANAGER, 2.2's PACKAGE_MANAGER too), else null. */
    private static String purlOf(SpdxTagValueLines.Tag tag) {
        String[] parts = tag.value().split("\\s+");
        if (parts.length != 3) {
            throw invalid(tag.line(), "ExternalRef must be 'CATEGORY TYPE LOCATOR', found " + parts.length + " parts.");
        }
        String category = parts[0].toUpperCase(Locale.ROOT);
        boolean packageManager = category.equals("PACKAGE-MANAGER") || category.equals("PACKAGE_MANAGER");
        return packageManager && parts[1].equals("purl") ? parts[2] : null;
    }

    private static void once(Map<String, SpdxTagValueLines.Tag> seen, SpdxTagValueLines.Tag tag) {
        SpdxTagValueLines.Tag first = seen.putIfAbsent(tag.name(), tag);
        if (first != null && SINGLE.contains(tag.name())) {
            throw invalid(tag.line(), "a second " + tag.name() + " (the first is on line " + first.line() + ").");
        }
    }

    private static String text(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw SbomProblems.notTagValue(1, "the body is not UTF-8 text (SPDX tag-value files are UTF-8).");
        }
    }

    private static RuntimeException invalid(int line, String detail) {
        return SbomProblems.invalid(FORMAT, "line " + line + ": " + detail);
    }
}
