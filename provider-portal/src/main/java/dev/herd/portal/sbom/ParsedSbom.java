package dev.herd.portal.sbom;

import java.util.List;

/**
 * An SBOM as read: its format and spec version, its own name (the subject it describes, may be null), the components
 * with a purl Herd can match (one per ecosystem, package and version), and how many components were skipped (no purl,
 * or a purl of an ecosystem Herd does not match).
 */
public record ParsedSbom(
        SbomFormat format, String specVersion, String name, List<SbomComponent> components, int skipped) {

    public ParsedSbom {
        components = List.copyOf(components);
    }
}
