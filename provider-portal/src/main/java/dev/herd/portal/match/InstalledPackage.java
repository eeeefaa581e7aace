package dev.herd.portal.match;

/**
 * An installed package as diagnosis matches it: the name and version advisories use (the source package for Debian,
 * Ubuntu and Alpine, else the binary) and its architecture.
 */
public record InstalledPackage(String name, String version, String architecture) {}
