package dev.herd.hub.advisory;

/** The advisory formats the hub reads. */
public enum DocumentFormat {
    OSV,
    CSAF,
    KEV,
    HERD,
    /** A STIX 2.1 indicator from a bundle a provider pushed (dev.herd.hub.stix). */
    STIX
}
