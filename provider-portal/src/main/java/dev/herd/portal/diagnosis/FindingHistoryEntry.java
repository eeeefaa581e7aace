package dev.herd.portal.diagnosis;

import java.time.Instant;

/** One state a finding entered, why, and when. */
public record FindingHistoryEntry(FindingState state, String reason, Instant at) {}
