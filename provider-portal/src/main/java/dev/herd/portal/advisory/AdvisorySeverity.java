package dev.herd.portal.advisory;

/** Qualitative severity of an advisory, as the hub announces it (the CVSS v3/v4 ratings). */
public enum AdvisorySeverity {
    NONE,
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
