package dev.herd.recovery.order;

import dev.herd.recovery.RecoveryConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Runs due orders. First it claims due RECEIVED/RETRYING orders ({@code FOR UPDATE SKIP LOCKED}) and marks them
 * EXECUTING in a short transaction of its own, so the attempt is visible before any device is called. Then it runs
 * every EXECUTING order no one holds, each in a transaction that keeps the row locked for the length of the driver
 * call. An executor that dies mid-order releases the lock with its database connection; the order, still EXECUTING, is
 * then resumed by the next run here or in another instance, with the same idempotency key.
 */
@ApplicationScoped
public class OrderExecutor {

    private static final Logger LOG = Logger.getLogger(OrderExecutor.class);
    private static final int BATCH = 20;
    // Time for the database work around the driver calls of one order.
    private static final Duration MARGIN = Duration.ofSeconds(30);

    private final RecoveryOrderRepository orders;
    private final OrderLifecycle lifecycle;
    private final OrderExecution execution;
    private final Duration callTimeout;

    public OrderExecutor(
            RecoveryOrderRepository orders, OrderLifecycle lifecycle, OrderExecution execution, RecoveryConfig config) {
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.execution = execution;
        this.callTimeout = config.webhook().timeout();
    }

    @Scheduled(
            every = "${herd.recovery.executor.interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        Set<UUID> started = QuarkusTransaction.requiringNew().call(this::startDue);
        for (int i = 0; i < 2 * BATCH; i++) {
            try {
                if (!runUnattended(started)) {
                    return;
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "Executing an order failed; it stays EXECUTING and is resumed on a later run");
                return;
            }
        }
    }

    private Set<UUID> startDue() {
        Set<UUID> started = new HashSet<>();
        for (RecoveryOrder order : orders.lockDue(BATCH)) {
            lifecycle.start(order);
            started.add(order.id);
        }
        return started;
    }

    /** Runs one EXECUTING order nobody holds; false when there is none. */
    private boolean runUnattended(Set<UUID> started) {
        return QuarkusTransaction.requiringNew()
                .timeout((int) transactionTimeout().toSeconds())
                .call(() -> {
                    Optional<RecoveryOrder> next = orders.lockUnattendedExecuting();
                    next.ifPresent(order -> {
                        if (!started.contains(order.id)) {
                            LOG.infof("Resuming order %s, left EXECUTING by an interrupted run", order.id);
                            lifecycle.note(order, "resumed: the run of attempt " + order.attempt + " was interrupted");
                        }
                        execution.run(order);
                    });
                    return next.isPresent();
                });
    }

    // Longest playbook we wait for in one transaction: each step may take the full call timeout.
    private Duration transactionTimeout() {
        return callTimeout.multipliedBy(10).plus(MARGIN);
    }
}
