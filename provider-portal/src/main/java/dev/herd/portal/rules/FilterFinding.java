package dev.herd.portal.rules;

import dev.herd.portal.diagnosis.FindingAction;
import dev.herd.portal.diagnosis.FindingState;
import java.util.UUID;

/** An open finding whose action asks for a filter rule (FILTER, FILTER_UNTIL_PATCHED, HALT_SERVICE). */
record FilterFinding(long id, UUID machineId, String advisoryId, FindingAction action, FindingState state) {}
