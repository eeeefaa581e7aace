package dev.herd.hub.advisory;

/** The advisory formats the hub reads. */
public enum DocumentFormat {
    OSV,
    CSAF,
    KEV,
    HERD
}
