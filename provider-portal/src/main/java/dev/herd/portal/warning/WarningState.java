package dev.herd.portal.warning;

/** Where a warning stands: waiting for its countermeasure, or applied (by the rules or by a tenant admin). */
public enum WarningState {
    OPEN,
    APPLIED
}
