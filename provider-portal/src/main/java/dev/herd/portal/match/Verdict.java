package dev.herd.portal.match;

/**
 * One affected package: the advisory, the package and installed version that match it, the version that fixes it
 * (null when none is known) and the provider document of the matching range.
 */
public record Verdict(String advisoryId, String packageName, String installed, String fixed, String sourceDocument) {}
