package dev.herd.portal.diagnosis;

/** What the tenant's policy says to do about a finding. */
public enum FindingAction {
    /** Install the fixed version (a patch plan). */
    PATCH,
    /** A filter rule protects the machine until the patch is confirmed. */
    FILTER_UNTIL_PATCHED,
    /** No fix yet: a filter rule protects the machine. */
    FILTER,
    /** The policy wants protection now, no rule can be made: stop the vulnerable service. */
    HALT_SERVICE,
    /** Nothing automatic: not actionable, forbidden by policy, or no fix and no rule. */
    MONITOR
}
