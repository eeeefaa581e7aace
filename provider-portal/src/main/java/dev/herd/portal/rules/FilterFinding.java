package dev.herd.portal.rules;

import dev.herd.portal.diagnosis.FindingAction;
import dev.herd.portal.diagnosis.FindingState;
import java.util.UUID;

/**
 * An open finding whose action asks for a filter rule (FILTER, FILTER_UNTIL_PATCHED, HALT_SERVICE); {@code packageName}
 * is the affected package, or for an exposure finding the exposed service ({@code service:tcp/443}).
 */
record FilterFinding(
        long id, UUID machineId, String advisoryId, String packageName, FindingAction action, FindingState state) {}
