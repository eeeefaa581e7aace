package dev.herd.portal.damage;

import dev.herd.contracts.isolation.IsolationOrder.Mode;
import dev.herd.contracts.isolation.OrderStatus;
import java.time.Instant;
import java.util.UUID;

/** An isolation order the portal issued for a case, with the last status the recovery broker reported. */
public record IssuedOrder(
        UUID orderId,
        String isolationPoint,
        Mode mode,
        Instant issuedAt,
        OrderStatus.State status,
        Integer attempt,
        String statusDetail,
        Instant statusAt) {}
