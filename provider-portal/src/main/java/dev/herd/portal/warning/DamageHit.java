package dev.herd.portal.warning;

import java.time.Instant;
import java.util.UUID;

/** One signature damage event of any tenant, with the service the signature was learnt on (null when unknown). */
public record DamageHit(String tenantId, UUID machineId, String indicator, String protocol, Integer port, Instant at) {}
