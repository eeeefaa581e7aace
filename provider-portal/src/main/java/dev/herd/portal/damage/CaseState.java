package dev.herd.portal.damage;

import java.util.List;

/**
 * Where a damage case stands. OPEN: damage detected (and isolated where an isolation point exists); RECOVERING: a
 * recovery playbook was ordered; CONFIRMING: the recovery was applied and monitor data must stay quiet for the quiet
 * period; UNISOLATING: confirmed, the isolation is being lifted; CLOSED: done. ISOLATED: a recovery was not confirmed
 * (or failed), the machines stay isolated and may be recovered again.
 */
public enum CaseState {
    OPEN,
    ISOLATED,
    RECOVERING,
    CONFIRMING,
    UNISOLATING,
    CLOSED;

    /** The states in which a case takes new damage of its tenant; a tenant has at most one case in them. */
    public static final List<CaseState> ACTIVE = List.of(OPEN, ISOLATED, RECOVERING, CONFIRMING);

    /** Whether a recovery may be ordered now. */
    public boolean recoverable() {
        return this == OPEN || this == ISOLATED;
    }

    /** Whether its recovery may be confirmed by hand now (it was applied; the quiet period is running). */
    public boolean confirmable() {
        return this == CONFIRMING;
    }
}
