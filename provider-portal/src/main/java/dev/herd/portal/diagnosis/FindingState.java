package dev.herd.portal.diagnosis;

/** Where a finding stands. WITHDRAWN: the advisory was withdrawn; PATCHED: the machine is no longer affected. */
public enum FindingState {
    OPEN,
    MITIGATED,
    PATCH_PLANNED,
    PATCHED,
    ACCEPTED_RISK,
    WITHDRAWN
}
