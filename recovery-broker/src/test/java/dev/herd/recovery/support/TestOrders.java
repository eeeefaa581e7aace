package dev.herd.recovery.support;

import dev.herd.contracts.isolation.IsolationOrder;
import dev.herd.contracts.isolation.IsolationOrder.Kind;
import dev.herd.contracts.isolation.IsolationOrder.Mode;
import dev.herd.contracts.isolation.IsolationOrder.PlaybookStep;
import dev.herd.contracts.isolation.IsolationOrder.Target;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Isolation orders as the portal would send them. */
public final class TestOrders {

    private TestOrders() {}

    public static IsolationOrder isolate(String tenant, String isolationPoint, String... owners) {
        return new IsolationOrder(
                UUID.randomUUID(),
                tenant,
                Kind.ISOLATE,
                Mode.COMPLETE,
                isolationPoint,
                "10.20.0.0/24",
                List.of(new Target(UUID.randomUUID(), "web-01", List.of("10.20.0.11"))),
                null,
                null,
                List.of(),
                List.of(owners),
                "spreading worm on web-01",
                Instant.now());
    }

    public static IsolationOrder recover(String tenant, String isolationPoint, List<PlaybookStep> steps) {
        return new IsolationOrder(
                UUID.randomUUID(),
                tenant,
                Kind.RECOVER,
                null,
                isolationPoint,
                "10.20.0.0/24",
                List.of(new Target(UUID.randomUUID(), "web-01", List.of("10.20.0.11"))),
                null,
                null,
                steps,
                List.of("ops@" + tenant + ".example"),
                "recover web-01",
                Instant.now());
    }
}
