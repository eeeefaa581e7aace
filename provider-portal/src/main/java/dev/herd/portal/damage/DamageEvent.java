package dev.herd.portal.damage;

import java.time.Instant;
import java.util.UUID;

/** One detection: which machine, how, by what indicator (the signature) or score (the divergence), and when. */
public record DamageEvent(UUID machineId, DamageKind kind, String indicator, Double score, Instant at) {}
