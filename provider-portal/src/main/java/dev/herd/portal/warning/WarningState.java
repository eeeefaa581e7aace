package dev.herd.portal.warning;

import dev.herd.contracts.problem.HerdException;
import java.util.List;
import java.util.Locale;

/** Where a warning stands: waiting for its countermeasure, or applied (by the rules or by a tenant admin). */
public enum WarningState {
    OPEN,
    APPLIED;

    /** The state a query names (any case), null for none; a 400 problem for anything else. */
    static WarningState parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw HerdException.badRequest("state-invalid", "state must be one of " + List.of(values()) + ".");
        }
    }
}
