package dev.herd.portal.sbom;

/** A component of an SBOM as diagnosis matches it: its OSV ecosystem, package name and version, and its purl. */
public record SbomComponent(String ecosystem, String name, String version, String purl) {}
