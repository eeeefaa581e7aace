package dev.herd.portal.index;

import java.time.Instant;
import java.util.UUID;

/** A canary check: the test signature a scanner sends into a tenant's network, and when the detectors saw it. */
public record Canary(UUID id, String signature, String scanner, Instant registeredAt, Instant seenAt) {}
